import "server-only";

import type { ProviderSessionState } from "@/lib/providers/types";

import type { EquosClient } from "./client";
import {
  conversationName,
  everyPage,
  HOSTED_AVATAR_IDENTITY,
  newConsumer,
  orStop,
  ownConnection,
  ownHost,
  portraitUrl,
  requireToken,
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
        ...(input.context ? { additionalCtx: input.context } : {}),
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

      return orStop(session.id, stop, async () => {
        if (livekit) {
          return {
            providerSessionId: session.id,
            avatar: { identity: HOSTED_AVATAR_IDENTITY, name: session.avatar.name },
            connection: await ownConnection(livekit, input, consumer),
          };
        }
        return {
          providerSessionId: session.id,
          avatar: { identity: session.avatar.identity, name: session.avatar.name },
          connection: {
            serverUrl: session.host.serverUrl,
            participantToken: requireToken(created.consumerAccessToken, session.id),
            participantIdentity: consumer.identity,
          },
        };
      });
    },

    async stop(id) {
      await stop(id);
    },

    async get(id) {
      const session = await client.get(sessionPath(id), equosSessionSchema);
      return { state: toState(session.status, session.endedAt) };
    },

    async findRunning(sessionId) {
      const rows = await everyPage(async (skip, take) => {
        const page = await listPage({ client: sessionId, take, skip });
        return { total: page.total, take: page.take, rows: page.sessions };
      });
      // Only sessions that carry our tag: were the filter ever ignored, nobody else's session
      // may be taken for ours.
      return rows
        .filter((s) => s.client === sessionId || s.name === conversationName(sessionId))
        .filter((s) => toState(s.status, s.endedAt) !== "ended")
        .map((s) => s.id);
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
