import type { EndReason, PrismaClient } from "@/lib/generated/prisma/client";
import type { AvatarProvider } from "@/lib/providers/types";

export type { EndReason };

export interface StartSessionInput {
  profile?: string;
  /** A face id (lib/faces/); the provider's first when unset. */
  face?: string;
  /** Knowledge bases (lib/knowledge/) the conversation may search: public ones only. */
  knowledge?: string[];
  /** Operator tools (lib/tools/) the conversation's model may call: public ones only. */
  tools?: string[];
  context?: string;
  userName?: string;
}

/** Who is asking: the browser's owner key and the key of its network address. */
export interface Requester {
  ownerKey: string;
  /** The salted hash of the client's address that per-client limits count by. */
  clientKey: string;
}

/** Limits checked before a session may start; 0 turns one off. */
export interface StartLimits {
  /** Starts one client may make per window. */
  perClient: number;
  windowSeconds: number;
  /** Sessions open at once (starting, active, or still owed a provider stop). */
  maxActiveSessions: number;
  /** Session seconds per UTC day, counting open sessions at their maximum. */
  dailySessionSeconds: number;
  /** Sessions one client may hold open at once. */
  openPerClient: number;
  /** One client's share of the day's session seconds, counted as dailySessionSeconds is. */
  dailySecondsPerClient: number;
}

/** When the sweeper considers a session abandoned, and how it retries failed stops. */
export interface SweepSettings {
  heartbeatTimeoutSeconds: number;
  startingTimeoutSeconds: number;
  maxDurationGraceSeconds: number;
  /** How long a paused session may be resumed; after that a sweep ends it (pause_expired). */
  pauseMaxSeconds: number;
  stopRetryBaseSeconds: number;
  stopRetryMaxSeconds: number;
}

export interface SessionSettings {
  maxDurationSeconds: number;
  /** Provider stop calls made before a session is left STOP_FAILED for the sweeper. */
  stopAttempts: number;
  stopRetryBaseMs: number;
  startLimit: StartLimits;
  sweep: SweepSettings;
}

export interface SessionDeps {
  db: () => Promise<PrismaClient>;
  /** The provider new sessions start with. */
  provider: AvatarProvider;
  /** The provider a session row names, or undefined when it is not configured here. */
  providerFor: (name: string) => AvatarProvider | undefined;
  settings: SessionSettings;
}
