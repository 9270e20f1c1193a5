import "server-only";

import { getDb } from "@/lib/db";
import { env, startLimits } from "@/lib/env";
import { getProvider, getProviderNamed } from "@/lib/providers";
import { singletons } from "@/lib/singletons";

import { createSessionService, type SessionService } from "./service";
import { STOP_RETRY_BASE_MS } from "./stop-budget";
import type { SessionSettings } from "./types";

/** The process's session service, wired to the configured database and provider. */
export function getSessionService(): SessionService {
  singletons.jeremySessions ??= createSessionService({
    db: getDb,
    provider: getProvider(),
    providerFor: getProviderNamed,
    settings: sessionSettings(),
  });
  return singletons.jeremySessions;
}

/** The session settings the environment asks for. */
export function sessionSettings(): SessionSettings {
  return {
    maxDurationSeconds: env.SESSION_MAX_DURATION_SECONDS,
    stopAttempts: env.PROVIDER_STOP_ATTEMPTS,
    stopRetryBaseMs: STOP_RETRY_BASE_MS,
    startLimit: startLimits,
    sweep: {
      heartbeatTimeoutSeconds: env.HEARTBEAT_TIMEOUT_SECONDS,
      startingTimeoutSeconds: env.STARTING_TIMEOUT_SECONDS,
      maxDurationGraceSeconds: env.MAX_DURATION_GRACE_SECONDS,
      pauseMaxSeconds: env.PAUSE_MAX_SECONDS,
      stopRetryBaseSeconds: env.STOP_RETRY_BASE_SECONDS,
      stopRetryMaxSeconds: env.STOP_RETRY_MAX_SECONDS,
    },
  };
}
