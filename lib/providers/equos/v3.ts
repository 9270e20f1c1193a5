import "server-only";

import { resumeContext } from "@/lib/providers/history";
import type { ProviderSessionState, ProviderStartInput } from "@/lib/providers/types";

import type { EquosClient } from "./client";
import {
  answerStart,
  conversationName,
  isConsumer,
  newConsumer,
  ownHost,
  portraitUrl,
  rowLookups,
  type EquosApi,
  type OwnLiveKit,
} from "./shared";
import {
  characterSchema,
  conversationSchema,
  createConversationResponseSchema,
  listConversationsResponseSchema,
  type CreateConversationRequest,
  type EquosCharacter,
} from "./v3-types";

export interface EquosV3Settings {
  characterId: string;
  livekit?: OwnLiveKit;
}

/** Equos API v3: conversations with a character made in Equos Studio. */
export function createEquosV3(client: EquosClient, settings: EquosV3Settings): EquosApi {
  const characterPath = `/v3/characters/${encodeURIComponent(settings.characterId)}`;
  let character: Promise<EquosCharacter> | undefined;
  // Read once and kept; a failed read is forgotten so that the next caller tries again.
  const readCharacter = () =>
    (character ??= client.get(characterPath, characterSchema).catch((error: unknown) => {
      character = undefined;
      throw error;
    }));
  const conversationPath = (id: string) => `/v3/conversations/${encodeURIComponent(id)}`;
  const stop = (id: string) =>
    // Equos answers an already stopped conversation with an empty body or null: also a success.
    client.write("POST", `${conversationPath(id)}/stop`, conversationSchema.nullish());

  return {
    async start(input) {
      const consumer = newConsumer(input.userName);
      const { livekit } = settings;
      const host = livekit
        ? await ownHost(livekit, input, (await readCharacter()).name)
        : undefined;
      const request: CreateConversationRequest = {
        name: conversationName(input.sessionId),
        characterId: settings.characterId,
        // Tagged with our id, so that a sweep can find it even if this answer is lost.
        client: input.sessionId,
        consumer,
        maxSeconds: input.maxDurationSeconds,
        promptCtx: promptContext(input),
        ...(host ? { host } : {}),
      };
      const created = await client.write(
        "POST",
        "/v3/conversations",
        createConversationResponseSchema,
        request,
      );
      const { conversation } = created;
      return answerStart({
        id: conversation.id,
        input,
        consumer,
        livekit,
        stop,
        avatarName: async () => (await readCharacter()).name,
        hosted: {
          serverUrl: conversation.serverUrl,
          token: created.consumerAccessToken,
          avatar: async () => {
            const avatar = conversation.character ?? (await readCharacter());
            return { identity: avatar.livekitIdentity, name: avatar.name };
          },
        },
      });
    },

    ...rowLookups({
      stop,
      read: (id) => client.get(conversationPath(id), conversationSchema),
      state: (conversation) => toState(conversation.status, conversation.endedAt),
      listPage: async (query) => {
        const page = await client.get("/v3/conversations", listConversationsResponseSchema, query);
        return { total: page.total, take: page.take, rows: page.conversations };
      },
      // Any state but ended may bill (a conversation still starting, one blocked), as in v1.
      runningFor: (row, sessionId) =>
        row.client === sessionId && toState(row.status, row.endedAt) !== "ended",
    }),

    async transcript(id) {
      const conversation = await client.get(conversationPath(id), conversationSchema);
      return (conversation.transcript ?? []).map((line) => ({
        role:
          line.author === conversation.consumerIdentity || isConsumer(line.author)
            ? "user"
            : "assistant",
        text: line.content,
        at: line.recordedAt ?? conversation.endedAt ?? new Date().toISOString(),
      }));
    },

    async ping() {
      await client.get(characterPath, characterSchema);
    },

    async look() {
      const { name, face } = await readCharacter();
      return { name, portraitUrl: portraitUrl(face?.thumbnailUrl ?? face?.referenceImgUrl) };
    },
  };
}

/** "blocked" conversations exist and may still bill: they count as running. */
const RUNNING = new Set(["running", "blocked"]);

function toState(status: string, endedAt: string | null | undefined): ProviderSessionState {
  const normalized = status.toLowerCase();
  if (endedAt || normalized === "ended" || normalized === "error") return "ended";
  return RUNNING.has(normalized) ? "active" : "starting";
}

/** The session's context for the character's brain, with the profile and the user's name. */
export function promptContext(input: ProviderStartInput): string {
  return [
    `This conversation follows the "${input.profile}" profile.`,
    input.userName ? `The person you are talking with is called ${input.userName}.` : null,
    input.context,
    resumeContext(input),
  ]
    .filter((part): part is string => Boolean(part))
    .join("\n\n");
}
