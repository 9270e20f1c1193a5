import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import { sleep } from "@/lib/retry";

import { stopAtProvider } from "./provider-stop";
import type { EndReason, SessionDeps } from "./types";

const POLL_MS = 100;
/** A claim older than this belongs to a process that died mid-stop; another may take over. */
const CLAIM_LEASE_MS = 2 * 60 * 1000;

/**
 * Stops a session exactly once. Concurrent stops in this process share one promise; stops in
 * other processes lose the claim in the database and wait for the winner's outcome. Either
 * way the provider sees one stop call sequence per session.
 */
export function createStopper(deps: SessionDeps) {
  const inFlight = new Map<string, Promise<Session>>();

  async function stopRow(db: PrismaClient, row: Session, reason: EndReason): Promise<Session> {
    if (row.status === "ENDED" || row.status === "FAILED") return row;
    if (row.status === "STARTING") {
      const settled = await waitFor(db, row.id, (r) => r.status !== "STARTING");
      return settled.status === "STARTING" ? settled : stopRow(db, settled, reason);
    }

    const claimedAt = new Date();
    const { count } = await db.session.updateMany({
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
    if (count === 0) return waitFor(db, row.id, (r) => r.stopClaimedAt === null);

    const claimed = await db.session.findUniqueOrThrow({ where: { id: row.id } });
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

  /** Stops `row`'s session for `reason` (the first reason recorded wins). */
  return function stop(db: PrismaClient, row: Session, reason: EndReason): Promise<Session> {
    const running = inFlight.get(row.id);
    if (running) return running;
    const stopping = stopRow(db, row, reason).finally(() => inFlight.delete(row.id));
    inFlight.set(row.id, stopping);
    return stopping;
  };
}
