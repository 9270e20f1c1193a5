import { Prisma, type PrismaClient, type Session } from "@/lib/generated/prisma/client";

import { stopOrphans } from "./orphans";
import { CLAIM_LEASE_MS, type Stopper } from "./stop";
import type { EndReason, SessionDeps } from "./types";

/** What one sweep did, by cause. */
export interface SweepReport {
  heartbeatLost: number;
  maxDuration: number;
  startTimedOut: number;
  /** Paused sessions not resumed in time. */
  pauseExpired: number;
  /** STOP_FAILED stops and pending orphan checks tried again. */
  retried: number;
  /** Sessions this sweep handled that still owe the provider a stop (tried again later). */
  stillOwed: number;
}

interface Task {
  id: string;
  /** The claim's fencing token; null for a task that holds no claim. */
  claim: number | null;
  kind: "expired" | "start_timed_out" | "pause_expired" | "due";
  reason: EndReason | null;
}

export interface SweepOptions {
  /** Sessions handled at once; each is one provider call sequence. */
  concurrency?: number;
  /** No new session is taken after this long, so a cron run ends within its time limit. */
  budgetMs?: number;
}

/**
 * Ends what nobody else will: sessions whose page went quiet or that outlived their maximum,
 * starts that never finished, and stops that failed earlier. Each session is claimed by one
 * atomic UPDATE (FOR UPDATE SKIP LOCKED, and the same fenced claim user stops take)
 * before the provider is called, so any number of sweeps, in any number of processes, call
 * the provider once per session and leave none behind.
 */
export async function sweepSessions(
  deps: SessionDeps,
  stopper: Stopper,
  options: SweepOptions = {},
): Promise<SweepReport> {
  const db = await deps.db();
  const report: SweepReport = {
    heartbeatLost: 0,
    maxDuration: 0,
    startTimedOut: 0,
    pauseExpired: 0,
    retried: 0,
    stillOwed: 0,
  };
  const deadline = Date.now() + (options.budgetMs ?? 50_000);

  const worker = async () => {
    while (Date.now() < deadline) {
      const task = await claimNext(db, deps);
      if (!task) return;
      try {
        const row = await handle(deps, stopper, db, task);
        count(report, task, row);
      } catch (error) {
        // The claim stays until its lease runs out; a later sweep takes the session again.
        console.error(`Sweep could not finish session ${task.id}`, error);
        report.stillOwed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return report;
}

async function handle(deps: SessionDeps, stopper: Stopper, db: PrismaClient, task: Task) {
  const row = await db.session.findUniqueOrThrow({ where: { id: task.id } });
  if (task.kind === "pause_expired") return row;
  // Taken over since (a lease can run out even here): the claim is no longer this sweep's.
  if (row.stopClaim !== task.claim) return row;
  // A pause whose process died (or whose stop failed) still pauses, unless time is up.
  const pausing = row.pausedAt !== null && row.endReason === null;
  if (task.kind === "expired") {
    const reason = task.reason ?? "heartbeat_lost";
    return stopper.stopClaimed(db, row, pausing && reason !== "max_duration" ? null : reason);
  }
  if (row.status === "FAILED") return stopOrphans(deps, db, row);
  return stopper.stopClaimed(db, row, row.endReason ?? (pausing ? null : "heartbeat_lost"));
}

function count(report: SweepReport, task: Task, row: Session) {
  if (task.kind === "start_timed_out") report.startTimedOut += 1;
  else if (task.kind === "pause_expired") report.pauseExpired += 1;
  else if (task.kind === "due") report.retried += 1;
  else if (task.reason === "max_duration") report.maxDuration += 1;
  else report.heartbeatLost += 1;
  if (row.status === "STOP_FAILED" || row.nextStopAttemptAt !== null) report.stillOwed += 1;
}

/**
 * Claims the next session that needs the sweep, or null when there is none. The inner SELECT
 * locks the row it picks and skips rows another sweep has locked; the outer WHERE checks the
 * claim again on the row as it is now, so even two sweeps that picked the same row cannot
 * both claim it.
 */
async function claimNext(db: PrismaClient, deps: SessionDeps): Promise<Task | null> {
  const now = Date.now();
  const s = deps.settings.sweep;
  const at = (ms: number) =>
    Prisma.sql`(${new Date(ms).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  const claimable = Prisma.sql`("stopClaimedAt" IS NULL OR "stopClaimedAt" < ${at(now - CLAIM_LEASE_MS)})`;
  // Talking time: the segments already over, and the one running since segmentStartedAt.
  const overMax = Prisma.sql`COALESCE("segmentStartedAt", "startedAt") + ("maxDurationSeconds" - "billedSeconds" + ${s.maxDurationGraceSeconds}::int) * interval '1 second' < ${at(now)}`;

  // A start that never finished: nothing else will ever end it, so it goes first. The orphan
  // check is due at once; should this process die before it is done, a later sweep does it.
  const timedOut = await db.$queryRaw<Array<{ id: string; stopClaim: number }>>`
    UPDATE "Session" SET "status" = 'FAILED', "endReason" = 'start_failed', "endedAt" = ${at(now)},
      "durationSeconds" = "billedSeconds", "stopClaimedAt" = ${at(now)}, "stopClaim" = "stopClaim" + 1,
      "nextStopAttemptAt" = ${at(now)},
      "lastProviderError" = COALESCE("lastProviderError", ${`The start did not finish within ${s.startingTimeoutSeconds} s.`})
    WHERE "id" = (
      SELECT "id" FROM "Session"
      WHERE "status" = 'STARTING'
        AND COALESCE("resumedAt", "createdAt") < ${at(now - s.startingTimeoutSeconds * 1000)}
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      AND "status" = 'STARTING'
    RETURNING "id", "stopClaim"`;
  if (timedOut[0]) {
    const { id, stopClaim } = timedOut[0];
    return { id, claim: stopClaim, kind: "start_timed_out", reason: "start_failed" };
  }

  const expired = await db.$queryRaw<Array<{ id: string; stopClaim: number; overMax: boolean }>>`
    UPDATE "Session" SET "stopClaimedAt" = ${at(now)}, "stopClaim" = "stopClaim" + 1
    WHERE "id" = (
      SELECT "id" FROM "Session"
      WHERE "status" = 'ACTIVE' AND ${claimable}
        AND (COALESCE("lastSeenAt", "startedAt", "createdAt") < ${at(now - s.heartbeatTimeoutSeconds * 1000)}
          OR ${overMax})
      ORDER BY "createdAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      AND "status" = 'ACTIVE' AND ${claimable}
    RETURNING "id", "stopClaim", (${overMax}) AS "overMax"`;
  if (expired[0]) {
    const { id, stopClaim, overMax: over } = expired[0];
    return {
      id,
      claim: stopClaim,
      kind: "expired",
      reason: over ? "max_duration" : "heartbeat_lost",
    };
  }

  // Paused too long: nothing runs at the provider, so ending it is this one UPDATE.
  const pauseExpired = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "Session" SET "status" = 'ENDED', "endReason" = 'pause_expired', "endedAt" = ${at(now)},
      "durationSeconds" = "billedSeconds"
    WHERE "id" = (
      SELECT "id" FROM "Session"
      WHERE "status" = 'PAUSED' AND "pausedAt" < ${at(now - s.pauseMaxSeconds * 1000)}
      ORDER BY "pausedAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
      AND "status" = 'PAUSED'
    RETURNING "id"`;
  if (pauseExpired[0])
    return { id: pauseExpired[0].id, claim: null, kind: "pause_expired", reason: "pause_expired" };

  // Stops that failed, and failed starts whose provider session is still to be looked for.
  const due = await db.$queryRaw<Array<{ id: string; stopClaim: number }>>`
    UPDATE "Session" SET "stopClaimedAt" = ${at(now)}, "stopClaim" = "stopClaim" + 1
    WHERE "id" = (
      SELECT "id" FROM "Session"
      WHERE "status" IN ('STOP_FAILED', 'FAILED') AND ${claimable}
        AND ("nextStopAttemptAt" <= ${at(now)}
          OR ("status" = 'STOP_FAILED' AND "nextStopAttemptAt" IS NULL))
      ORDER BY "nextStopAttemptAt" NULLS FIRST LIMIT 1 FOR UPDATE SKIP LOCKED)
      AND ${claimable}
    RETURNING "id", "stopClaim"`;
  if (due[0]) return { id: due[0].id, claim: due[0].stopClaim, kind: "due", reason: null };
  return null;
}
