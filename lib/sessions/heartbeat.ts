import type { PrismaClient, Session } from "@/lib/generated/prisma/client";

/**
 * Records that the owner's page is still there. Only an ACTIVE session is touched: a heartbeat
 * that arrives after the session ended (or while it is being stopped) changes nothing, so a
 * late or replayed heartbeat can never bring a session back.
 */
export async function touchSession(db: PrismaClient, row: Session): Promise<void> {
  await db.session.updateMany({
    where: { id: row.id, status: "ACTIVE", stopClaimedAt: null },
    data: { lastSeenAt: new Date() },
  });
}
