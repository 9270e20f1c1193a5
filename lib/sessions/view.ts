import type { Session } from "@/lib/generated/prisma/client";

import { talkedSeconds } from "./segments";

/** What a client may see of a session. */
export interface SessionView {
  id: string;
  status: Session["status"];
  provider: string;
  profile: string;
  /** The face it shows (lib/faces/, or the provider's own avatar). */
  face: string;
  avatar: { identity: string | null; name: string | null };
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  maxDurationSeconds: number;
  /** Talking time so far: every billed segment, the running one up to now. Paused time is not. */
  talkedSeconds: number;
  /** When the session was paused, while it is. */
  pausedAt: string | null;
  endReason: Session["endReason"];
}

export function toSessionView(row: Session): SessionView {
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    profile: row.profile,
    face: row.face,
    avatar: { identity: row.avatarIdentity, name: row.avatarName },
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    durationSeconds: row.durationSeconds,
    maxDurationSeconds: row.maxDurationSeconds,
    talkedSeconds: talkedSeconds(row, new Date()),
    pausedAt: row.status === "PAUSED" ? (row.pausedAt?.toISOString() ?? null) : null,
    endReason: row.endReason,
  };
}
