import type { Session } from "@/lib/generated/prisma/client";

/** What a client may see of a session. */
export interface SessionView {
  id: string;
  status: Session["status"];
  provider: string;
  profile: string;
  avatar: { identity: string | null; name: string | null };
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  maxDurationSeconds: number;
  endReason: Session["endReason"];
}

export function toSessionView(row: Session): SessionView {
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    profile: row.profile,
    avatar: { identity: row.avatarIdentity, name: row.avatarName },
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    durationSeconds: row.durationSeconds,
    maxDurationSeconds: row.maxDurationSeconds,
    endReason: row.endReason,
  };
}
