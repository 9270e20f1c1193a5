import { AppError } from "@/lib/errors";
import type { PrismaClient, Session } from "@/lib/generated/prisma/client";

import { claimableAt, type Stopper } from "./stop";

/**
 * Pauses an ACTIVE session: its provider session is stopped (billing stops) exactly as a stop
 * would, with the same claim, retries and sweeper guarantees, and the row becomes PAUSED instead
 * of ENDED. Idempotent: pausing a paused session (or one whose pause is under way) answers with
 * it as it is.
 */
export async function pauseSession(
  db: PrismaClient,
  stopper: Stopper,
  row: Session,
): Promise<Session> {
  if (row.status === "PAUSED" || isPausing(row)) return row;
  const now = new Date();
  const [claimed] = await db.session.updateManyAndReturn({
    where: {
      id: row.id,
      status: "ACTIVE",
      endReason: null,
      OR: claimableAt(now),
    },
    data: { stopClaimedAt: now, stopClaim: { increment: 1 }, pausedAt: now },
  });
  if (claimed) return stopper.stopClaimed(db, claimed, null);
  const current = await db.session.findUniqueOrThrow({ where: { id: row.id } });
  if (current.status === "PAUSED" || isPausing(current)) return current;
  throw notPausable(current);
}

/** A pause was asked for and its provider stop has not finished (or failed and is retried). */
export function isPausing(row: Session): boolean {
  return (
    row.pausedAt !== null &&
    row.endReason === null &&
    (row.status === "ACTIVE" || row.status === "STOP_FAILED")
  );
}

function notPausable(row: Session): AppError {
  if (row.status === "STARTING") {
    return new AppError("CONFLICT", "This conversation is still starting; pause it once it has.");
  }
  return new AppError("CONFLICT", "This conversation is ending, so it cannot be paused.");
}
