import "server-only";

import { isProviderError } from "@/lib/providers/errors";
import type { AvatarProvider, ProviderHealth } from "@/lib/providers/types";

import { EquosClient } from "./client";
import type { EquosApi, OwnLiveKit } from "./shared";
import { createEquosV1, type EquosV1Settings } from "./v1";
import { createEquosV3, type EquosV3Settings } from "./v3";

/** The face id of the Equos character a session shows (its name and picture: look()). */
export const EQUOS_FACE = "equos";

export type EquosSettings = {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  /** Our own LiveKit deployment ("bring your own LiveKit"); Equos-hosted rooms otherwise. */
  livekit?: OwnLiveKit;
} & (({ version: "v3" } & EquosV3Settings) | ({ version: "v1" } & EquosV1Settings));

/** The Equos provider, plus what the landing page shows of the avatar. */
export interface EquosProvider extends AvatarProvider {
  /** The avatar's display name and picture. */
  look: NonNullable<AvatarProvider["look"]>;
}

/** How long a health answer is reused: health checks must not spend the rate limit stops need. */
const HEALTH_TTL_MS = 5_000;

/**
 * Equos: a hosted avatar that joins a LiveKit room, billed from start until stop. Speaks API v3
 * (a character's conversations) or, for older accounts, v1 (sessions); callers cannot tell.
 */
export function createEquosProvider(settings: EquosSettings): EquosProvider {
  const client = new EquosClient({
    baseUrl: settings.apiUrl,
    apiKey: settings.apiKey,
    timeoutMs: settings.timeoutMs,
  });
  const api: EquosApi =
    settings.version === "v3" ? createEquosV3(client, settings) : createEquosV1(client, settings);

  // The last health answer, kept while it is pending and for HEALTH_TTL_MS after it came.
  let health: { answer: Promise<ProviderHealth>; until: number } | undefined;
  const checkHealth = async (): Promise<ProviderHealth> => {
    try {
      await api.ping();
      return { ok: true };
    } catch (error) {
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    }
  };

  return {
    name: "equos",
    profiles: ["interviewer"],
    // Its character, as Equos Studio made it (look() gives its name and picture).
    faces: [EQUOS_FACE],
    start: (input) => api.start(input),
    async stop(providerSessionId) {
      try {
        await api.stop(providerSessionId);
      } catch (error) {
        // Unknown to Equos means nothing is running there, which is what stop wants.
        if (isNotFound(error)) return;
        throw error;
      }
    },
    get: (providerSessionId) => api.get(providerSessionId),
    findRunning: (sessionId) => api.findRunning(sessionId),
    transcript: (providerSessionId) => api.transcript(providerSessionId),
    health() {
      if (health && Date.now() <= health.until) return health.answer;
      const entry = { answer: checkHealth(), until: Infinity };
      void entry.answer.then(() => (entry.until = Date.now() + HEALTH_TTL_MS));
      health = entry;
      return entry.answer;
    },
    look: () => api.look(),
  };
}

function isNotFound(error: unknown) {
  return isProviderError(error) && error.failure === "not_found";
}
