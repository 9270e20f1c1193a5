import "server-only";

import { resumeContext } from "@/lib/providers/history";
import type { ProviderSessionState, ProviderStartInput } from "@/lib/providers/types";

import type { EquosClient } from "./client";
import {
  answerStart,
  conversationName,
  HOSTED_AVATAR_IDENTITY,
  newConsumer,
  ownHost,
  portraitUrl,
  isConsumer,
  rowLookups,
  type EquosApi,
  type OwnLiveKit,
} from "./shared";
import {
  createSessionResponseSchema,
  equosSessionSchema,
  listSessionsResponseSchema,
  type CreateSessionRequest,
} from "./v1-types";

export interface EquosV1Settings {
  avatar: { id: string; name: string; imageUrl?: string } | { name: string; imageUrl: string };
  agent:
    | { id: string }
    | { provider: "openai" | "gemini" | "elevenlabs"; model?: string; voice?: string };
  livekit?: OwnLiveKit;
}

/** Equos API v1: sessions of a pre-created (or inline) avatar and agent, for older accounts. */
export function createEquosV1(client: EquosClient, settings: EquosV1Settings): EquosApi {
  const sessionPath = (id: string) => `/v1/sessions/${encodeURIComponent(id)}`;
  const stop = (id: string) =>
    client.write("PATCH", `${sessionPath(id)}/stop`, equosSessionSchema, {});
  const listPage = (query: { client?: string; take: number; skip?: number }) =>
    client.get("/v1/sessions", listSessionsResponseSchema, query);

  return {
    async start(input) {
      const consumer = newConsumer(input.userName);
      const { avatar, agent, livekit } = settings;
      const host = livekit ? await ownHost(livekit, input, avatar.name) : undefined;
      const request: CreateSessionRequest = {
        name: conversationName(input.sessionId),
        // Tagged with our id, so that a sweep can find it even if this answer is lost.
        client: input.sessionId,
        avatar:
          "id" in avatar
            ? { id: avatar.id }
            : { identity: HOSTED_AVATAR_IDENTITY, name: avatar.name, refImage: avatar.imageUrl },
        agent: "id" in agent ? { id: agent.id } : { ...agent },
        consumerIdentity: consumer,
        maxDuration: input.maxDurationSeconds,
        ...additionalContext(input),
        ...(input.userName ? { templateVars: { userName: input.userName } } : {}),
        ...(host ? { host } : {}),
      };
      const created = await client.write(
        "POST",
        "/v1/sessions",
        createSessionResponseSchema,
        request,
      );
      const { session } = created;
      return answerStart({
        id: session.id,
        input,
        consumer,
        livekit,
        stop,
        avatarName: () => session.avatar.name,
        hosted: {
          serverUrl: session.host.serverUrl,
          token: created.consumerAccessToken,
          avatar: () => ({ identity: session.avatar.identity, name: session.avatar.name }),
        },
      });
    },

    ...rowLookups({
      stop,
      read: (id) => client.get(sessionPath(id), equosSessionSchema),
      state: (session) => toState(session.status, session.endedAt),
      listPage: async (query) => {
        const page = await listPage(query);
        return { total: page.total, take: page.take, rows: page.sessions };
      },
      runningFor: (session, sessionId) =>
        (session.client === sessionId || session.name === conversationName(sessionId)) &&
        toState(session.status, session.endedAt) !== "ended",
    }),

    async transcript(id) {
      const session = await client.get(sessionPath(id), equosSessionSchema);
      return (session.transcript?.transcription ?? []).map((line) => ({
        role: isConsumer(line.identity) ? "user" : "assistant",
        text: line.text,
        at: line.received_at ?? session.endedAt ?? new Date().toISOString(),
      }));
    },

    async ping() {
      await listPage({ take: 1 });
    },

    look() {
      const { name, imageUrl } = settings.avatar;
      return Promise.resolve({ name, portraitUrl: portraitUrl(imageUrl) });
    },
  };
}

function toState(status: string, endedAt: string | null | undefined): ProviderSessionState {
  if (endedAt) return "ended";
  const normalized = status.toLowerCase();
  if (
    ["ended", "stopped", "finished", "completed", "failed", "cancelled", "canceled"].includes(
      normalized,
    )
  ) {
    return "ended";
  }
  return normalized === "starting" || normalized === "pending" ? "starting" : "active";
}

/** The session's context, and on a resume what was said before the pause. */
function additionalContext(input: ProviderStartInput): { additionalCtx?: string } {
  const parts = [input.context, resumeContext(input)].filter((part) => part !== null);
  return parts.length > 0 ? { additionalCtx: parts.join("\n\n") } : {};
}
