import type { PrismaClient, Session } from "@/lib/generated/prisma/client";

import { CLAIM_LEASE_MS } from "./stop-budget";
import { stopAtProvider } from "./provider-stop";
import { OPEN_STATUSES } from "./statuses";
import type { EndReason, SessionDeps } from "./types";

export { CLAIM_LEASE_MS } from "./stop-budget";

/**
 * Reasons the server only infers (LiveKit saw the person leave, the page went quiet). A reason
 * someone gave (the owner's hang-up or closed tab, the page's timeouts, an operator) replaces
 * an inferred one as long as the session has not ended; otherwise the first reason stands.
 */
const INFERRED_REASONS: EndReason[] = ["user_left", "heartbeat_lost"];

export interface Stopper {
  /**
   * Asks for `row`'s session to stop for `reason`, and stops it at the provider unless another
   * process already is (or it is still starting: the start then stops it). Never waits on
   * another process: the row it returns may still be open, and the caller says so.
   */
  stop(db: PrismaClient, row: Session, reason: EndReason): Promise<Session>;
  /**
   * Finishes the stop of a row whose claim the caller already holds (a sweep, a pause); a null
   * reason pauses it (see provider-stop.ts).
   */
  stopClaimed(db: PrismaClient, row: Session, reason: EndReason | null): Promise<Session>;
}

/**
 * Stops a session exactly once. Concurrent stops in this process share one promise; stops in
 * other processes lose the claim in the database and answer with the row as it is. Either way
 * the provider sees one stop call sequence per session.
 */
export function createStopper(deps: SessionDeps): Stopper {
  const inFlight = new Map<string, Promise<Session>>();

  async function stopRow(db: PrismaClient, row: Session, reason: EndReason): Promise<Session> {
    const claimed = await claim(db, row.id, reason);
    if (!claimed) return db.session.findUniqueOrThrow({ where: { id: row.id } });
    return stopAtProvider(deps, db, claimed, claimed.endReason ?? reason);
  }

  function track(id: string, stopping: Promise<Session>): Promise<Session> {
    inFlight.set(id, stopping);
    void stopping
      .finally(() => {
        if (inFlight.get(id) === stopping) inFlight.delete(id);
      })
      .catch(() => undefined);
    return stopping;
  }

  return {
    async stop(db, row, reason) {
      let current = row;
      // Each turn either ends the session or finds it moved on (a pause finished, a resume
      // began) and looks again; a few turns cover any interleaving of pause, resume and stop.
      for (let turn = 0; turn < 3; turn++) {
        if (current.status === "ENDED" || current.status === "FAILED") return current;
        if (current.status === "PAUSED") {
          const ended = await endPaused(db, current.id, reason);
          if (ended) return ended;
        } else {
          // Recorded even when this process is already stopping the session, so a reason given
          // during a stop that an inferred reason began still counts.
          await recordReason(db, current.id, reason);
          const stopped = await (inFlight.get(current.id) ??
            track(current.id, stopRow(db, current, reason)));
          if (stopped.status !== "PAUSED") return stopped;
        }
        current = await db.session.findUniqueOrThrow({ where: { id: row.id } });
      }
      return current;
    },
    // Never joins a stop already in flight here: that one may be waiting for this very claim.
    stopClaimed: (db, row, reason) => track(row.id, stopAtProvider(deps, db, row, reason)),
  };
}

/**
 * Records why the session is ending while it is still open, in one UPDATE: the first reason, or
 * a given reason over an inferred one. A STARTING row with a reason is a stop request that the
 * start honours when the provider answers (see start.ts).
 */
async function recordReason(db: PrismaClient, id: string, reason: EndReason): Promise<void> {
  const replaceable = INFERRED_REASONS.includes(reason)
    ? [{ endReason: null }]
    : [{ endReason: null }, { endReason: { in: INFERRED_REASONS } }];
  await db.session.updateMany({
    where: { id, status: { in: OPEN_STATUSES }, OR: replaceable },
    data: { endReason: reason },
  });
}

/**
 * How long after a session ended on an inferred reason its owner's own reason may still replace
 * it. The page asks to stop before it leaves the room, but its stop can still land after
 * LiveKit's event (a slow network, a dev server compiling the route, a closed tab's beacon).
 */
export const OWNER_REASON_GRACE_MS = 60 * 1000;

/**
 * The owner's stop arrived just after the session ended on a reason the server only inferred
 * (LiveKit saw the person leave): the owner's reason is the truth, so it replaces that one, in
 * one UPDATE. Anything else (an owner's reason already there, an end long ago) stands.
 */
export async function keepOwnersReason(
  db: PrismaClient,
  row: Session,
  reason: EndReason,
): Promise<Session> {
  if (row.status !== "ENDED" || INFERRED_REASONS.includes(reason)) return row;
  if (!row.endReason || !INFERRED_REASONS.includes(row.endReason)) return row;
  const [updated] = await db.session.updateManyAndReturn({
    where: {
      id: row.id,
      status: "ENDED",
      endReason: { in: INFERRED_REASONS },
      endedAt: { gte: new Date(Date.now() - OWNER_REASON_GRACE_MS) },
    },
    data: { endReason: reason },
  });
  return updated ?? row;
}

/** Rows nobody holds the right to stop at `now`, or whose holder's lease ran out. */
export function claimableAt(now: Date) {
  return [
    { stopClaimedAt: null },
    { stopClaimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } },
  ];
}

/**
 * Takes the right to call the provider's stop: one process at a time, with a lease. A claimant
 * that outlives its lease loses the claim to the next, and its later writes are refused.
 */
async function claim(db: PrismaClient, id: string, reason: EndReason): Promise<Session | null> {
  const now = new Date();
  const [claimed] = await db.session.updateManyAndReturn({
    where: {
      id,
      status: { in: ["ACTIVE", "STOP_FAILED"] },
      OR: claimableAt(now),
    },
    // A new fencing token: writes under any earlier claim now match nothing (claim.ts).
    data: { stopClaimedAt: now, stopClaim: { increment: 1 } },
  });
  if (!claimed) return null;
  return claimed.endReason ? claimed : { ...claimed, endReason: reason };
}

/**
 * Ends a PAUSED session: nothing runs at the provider, so there is nothing to stop, and its
 * duration is what its segments billed (paused time is in none). Null when the row is no longer
 * paused (a resume took it).
 */
export async function endPaused(
  db: PrismaClient,
  id: string,
  reason: EndReason,
): Promise<Session | null> {
  const ended = await db.$executeRaw`
    UPDATE "Session" SET "status" = 'ENDED', "endReason" = ${reason}::"EndReason",
      "endedAt" = (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'),
      "durationSeconds" = "billedSeconds"
    WHERE "id" = ${id} AND "status" = 'PAUSED'`;
  return ended > 0 ? db.session.findUniqueOrThrow({ where: { id } }) : null;
}
