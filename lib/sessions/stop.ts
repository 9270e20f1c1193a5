import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import { sleep } from "@/lib/retry";

import { stopAtProvider } from "./provider-stop";
import type { EndReason, SessionDeps } from "./types";

const POLL_MS = 100;
/** A claim older than this belongs to a process that died mid-stop; another may take over. */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;

export interface Stopper {
  /** Stops `row`'s session for `reason` (the first reason recorded wins). */
  stop(db: PrismaClient, row: Session, reason: EndReason): Promise<Session>;
  /** Finishes the stop of a row whose claim the caller already holds (a sweep claimed it). */
  stopClaimed(db: PrismaClient, row: Session, reason: EndReason): Promise<Session>;
}

/**
 * Stops a session exactly once. Concurrent stops in this process share one promise; stops in
 * other processes lose the claim in the database and wait for the winner's outcome. Either
 * way the provider sees one stop call sequence per session.
 */
export function createStopper(deps: SessionDeps): Stopper {
  const inFlight = new Map<string, Promise<Session>>();

  async function stopRow(db: PrismaClient, row: Session, reason: EndReason): Promise<Session> {
    if (row.status === "ENDED" || row.status === "FAILED") return row;
    if (row.status === "STARTING") {
      const settled = await waitFor(db, row.id, (r) => r.status !== "STARTING");
      return settled.status === "STARTING" ? settled : stopRow(db, settled, reason);
    }

    const claimedAt = new Date();
    const [claimed] = await db.session.updateManyAndReturn({
      where: {
        id: row.id,
        status: { in: ["ACTIVE", "STOP_FAILED"] },
        OR: [
          { stopClaimedAt: null },
          { stopClaimedAt: { lt: new Date(claimedAt.getTime() - CLAIM_LEASE_MS) } },
        ],
      },
      data: { stopClaimedAt: claimedAt },
    });
    if (!claimed) return waitFor(db, row.id, (r) => r.stopClaimedAt === null);
    return stopAtProvider(deps, db, claimed, reason);
  }

  async function waitFor(db: PrismaClient, id: string, done: (row: Session) => boolean) {
    const deadline = Date.now() + deps.settings.stopWaitMs;
    for (;;) {
      const row = await db.session.findUniqueOrThrow({ where: { id } });
      if (done(row) || Date.now() >= deadline) return row;
      await sleep(POLL_MS);
    }
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
    stop: (db, row, reason) => inFlight.get(row.id) ?? track(row.id, stopRow(db, row, reason)),
    // Never joins a stop already in flight here: that one may be waiting for this very claim.
    stopClaimed: (db, row, reason) => track(row.id, stopAtProvider(deps, db, row, reason)),
  };
}

/**
 * When the page's own stop (hangup, page_closed, ...) arrives just after LiveKit reported the
 * person leaving the room (user_left), the page's reason is the more precise account of the
 * same departure and replaces it. Every other recorded reason stands: the first one wins.
 */
export async function preferOwnersReason(
  db: PrismaClient,
  row: Session,
  reason: EndReason,
): Promise<Session> {
  if (row.endReason !== "user_left" || reason === "user_left") return row;
  await db.session.updateMany({
    where: { id: row.id, endReason: "user_left" },
    data: { endReason: reason },
  });
  return db.session.findUniqueOrThrow({ where: { id: row.id } });
}
