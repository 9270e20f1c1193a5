import "server-only";

import { randomBytes } from "node:crypto";

import { mintAvatarToken, mintUserToken, type LiveKitCredentials } from "@/lib/livekit/tokens";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import type {
  AvatarProvider,
  ProviderStartInput,
  ProviderStartResult,
  ProviderSessionState,
} from "@/lib/providers/types";

import type { CreateSessionRequest } from "./api-types";
import { EquosClient } from "./client";

export interface EquosSettings {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  avatar: { id: string } | { name: string; imageUrl: string };
  agent:
    | { id: string }
    | { provider: "openai" | "gemini" | "elevenlabs"; model?: string; voice?: string };
  /** Our own LiveKit deployment ("bring your own LiveKit"); Equos-hosted rooms otherwise. */
  livekit?: LiveKitCredentials & { url: string };
}

const TOKEN_TTL_SECONDS = 10 * 60;
const AVATAR_IDENTITY = "jeremy";

/** Equos: a hosted avatar that joins a LiveKit room, billed from start until stop. */
export function createEquosProvider(settings: EquosSettings): AvatarProvider {
  const client = new EquosClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    timeoutMs: settings.timeoutMs,
  });

  return {
    name: "equos",
    profiles: ["interviewer"],

    async start(input) {
      const userIdentity = `user-${randomBytes(6).toString("hex")}`;
      const userName = input.userName ?? "Guest";
      const hostToken = settings.livekit
        ? await mintAvatarToken(settings.livekit, {
            room: input.sessionId,
            identity: AVATAR_IDENTITY,
            name: avatarName(settings),
            ttlSeconds: input.maxDurationSeconds + 60,
          })
        : undefined;

      const created = await client.createSession(
        buildCreateRequest(settings, input, { identity: userIdentity, name: userName }, hostToken),
      );
      const { session } = created;
      try {
        return await connectionFor(settings, input, session, created.consumerAccessToken, {
          identity: userIdentity,
          name: userName,
        });
      } catch (error) {
        // The session exists and bills; never leave it running because a later step failed.
        await client.stopSession(session.id).catch((stopError: unknown) => {
          console.error(
            `Equos session ${session.id} could not be stopped after a failed start`,
            stopError,
          );
        });
        throw error;
      }
    },

    async stop(providerSessionId) {
      try {
        await client.stopSession(providerSessionId);
      } catch (error) {
        // Unknown to Equos means nothing is running there, which is what stop wants.
        if (isProviderError(error) && error.failure === "not_found") return;
        throw error;
      }
    },

    async get(providerSessionId) {
      const session = await client.getSession(providerSessionId);
      return { state: toState(session.status, session.endedAt) };
    },

    async findRunning(sessionId) {
      // Every session we create is tagged `client: <our session id>` (see buildCreateRequest).
      const { sessions } = await client.listSessions({ client: sessionId, take: 20 });
      // Only sessions that carry our tag: were the filter ever ignored, nobody else's session
      // may be taken for ours.
      return sessions
        .filter((s) => s.client === sessionId || s.name === sessionName(sessionId))
        .filter((s) => toState(s.status, s.endedAt) !== "ended")
        .map((s) => s.id);
    },

    async health() {
      try {
        await client.listSessions({ take: 1 });
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

function sessionName(sessionId: string) {
  return `Talk to Jeremy ${sessionId}`;
}

function avatarName(settings: EquosSettings) {
  return "name" in settings.avatar ? settings.avatar.name : "Jeremy";
}

function buildCreateRequest(
  settings: EquosSettings,
  input: ProviderStartInput,
  consumer: { identity: string; name: string },
  hostToken: string | undefined,
): CreateSessionRequest {
  return {
    name: sessionName(input.sessionId),
    // Tagging the session with our id lets a sweep find it even if we never learned its id.
    client: input.sessionId,
    avatar:
      "id" in settings.avatar
        ? { id: settings.avatar.id }
        : {
            identity: AVATAR_IDENTITY,
            name: settings.avatar.name,
            refImage: settings.avatar.imageUrl,
          },
    agent: "id" in settings.agent ? { id: settings.agent.id } : { ...settings.agent },
    consumerIdentity: consumer,
    maxDuration: input.maxDurationSeconds,
    ...(input.context ? { additionalCtx: input.context } : {}),
    ...(input.userName ? { templateVars: { userName: input.userName } } : {}),
    ...(settings.livekit && hostToken
      ? { host: { serverUrl: settings.livekit.url, accessToken: hostToken } }
      : {}),
  };
}

async function connectionFor(
  settings: EquosSettings,
  input: ProviderStartInput,
  session: { id: string; host: { serverUrl: string }; avatar: { identity: string; name: string } },
  consumerAccessToken: string | null | undefined,
  consumer: { identity: string; name: string },
): Promise<ProviderStartResult> {
  if (settings.livekit) {
    return {
      providerSessionId: session.id,
      avatar: { identity: AVATAR_IDENTITY, name: session.avatar.name },
      connection: {
        serverUrl: settings.livekit.url,
        participantToken: await mintUserToken(settings.livekit, {
          room: input.sessionId,
          identity: consumer.identity,
          name: consumer.name,
          ttlSeconds: TOKEN_TTL_SECONDS,
        }),
        participantIdentity: consumer.identity,
      },
    };
  }
  if (!consumerAccessToken) {
    throw new ProviderError(
      "error",
      `Equos started session ${session.id} without a consumer token`,
    );
  }
  return {
    providerSessionId: session.id,
    avatar: { identity: session.avatar.identity, name: session.avatar.name },
    connection: {
      serverUrl: session.host.serverUrl,
      participantToken: consumerAccessToken,
      participantIdentity: consumer.identity,
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
