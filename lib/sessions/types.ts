import type { EndReason, PrismaClient } from "@/lib/generated/prisma/client";
import type { AvatarProvider } from "@/lib/providers/types";

export type { EndReason };

export interface StartSessionInput {
  profile?: string;
  context?: string;
  userName?: string;
}

/** Who is asking: the browser's owner key and, where known, its network address. */
export interface Requester {
  ownerKey: string;
  clientAddress: string | null;
}

export interface SessionSettings {
  maxDurationSeconds: number;
  /** Provider stop calls made before a session is left STOP_FAILED for the sweeper. */
  stopAttempts: number;
  stopRetryBaseMs: number;
  /** How long a stop waits for another process that is already stopping the same session. */
  stopWaitMs: number;
  startLimit: { perClient: number; windowSeconds: number };
}

export interface SessionDeps {
  db: () => Promise<PrismaClient>;
  provider: AvatarProvider;
  settings: SessionSettings;
}
