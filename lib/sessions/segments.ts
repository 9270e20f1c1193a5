import type { Prisma, Session } from "@/lib/generated/prisma/client";

/** A session's billing once its running segment (if any) is over at `endedAt`. */
export interface ClosedSegments {
  /** The segment row to record, or null when no provider session was billing. */
  segment: Prisma.SessionSegmentCreateManyInput | null;
  /** Every segment's seconds, this one's included: the session's duration so far. */
  billedSeconds: number;
}

/**
 * Closes the billed stretch now running at the provider: from `segmentStartedAt` to `endedAt`,
 * in whole seconds rounded up, as providers bill. Paused time is in no segment, so it is never
 * counted.
 */
export function closeSegment(row: Session, endedAt: Date): ClosedSegments {
  const startedAt = row.segmentStartedAt;
  if (!startedAt || !row.providerSessionId) {
    return { segment: null, billedSeconds: row.billedSeconds };
  }
  const seconds = secondsBetween(startedAt, endedAt);
  return {
    segment: {
      sessionId: row.id,
      providerSessionId: row.providerSessionId,
      startedAt,
      endedAt,
      seconds,
    },
    billedSeconds: row.billedSeconds + seconds,
  };
}

/** Talking time so far: the segments over, and the running one up to `now`. */
export function talkedSeconds(row: Session, now: Date): number {
  if (row.durationSeconds !== null) return row.durationSeconds;
  const running = row.segmentStartedAt ? secondsBetween(row.segmentStartedAt, now) : 0;
  return row.billedSeconds + running;
}

/** Seconds of talking time the session has left. */
export function remainingSeconds(row: Session, now: Date): number {
  return Math.max(0, row.maxDurationSeconds - talkedSeconds(row, now));
}

export function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 1000));
}
