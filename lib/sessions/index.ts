import "server-only";

import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getProvider } from "@/lib/providers";

import { createSessionService, type SessionService } from "./service";

const globalForSessions = globalThis as typeof globalThis & { jeremySessions?: SessionService };

/** The process's session service, wired to the configured database and provider. */
export function getSessionService(): SessionService {
  globalForSessions.jeremySessions ??= createSessionService({
    db: getDb,
    provider: getProvider(),
    settings: {
      maxDurationSeconds: env.SESSION_MAX_DURATION_SECONDS,
      stopAttempts: env.PROVIDER_STOP_ATTEMPTS,
      stopRetryBaseMs: 250,
      stopWaitMs: 30_000,
      startLimit: {
        perClient: env.START_LIMIT_PER_CLIENT,
        windowSeconds: env.START_LIMIT_WINDOW_SECONDS,
      },
    },
  });
  return globalForSessions.jeremySessions;
}
