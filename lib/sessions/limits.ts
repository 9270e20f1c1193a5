import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient, Session } from "@/lib/generated/prisma/client";

import type { SessionSettings } from "./types";

/**
 * Creates a session's ledger row, after checking the start limits in the same transaction, so
 * that concurrent starts, even on other instances, cannot slip past a limit together.
 */
export async function createRowWithinLimits(
  db: PrismaClient,
  limits: SessionSettings["startLimit"],
  data: Prisma.SessionCreateInput,
): Promise<Session> {
  return db.$transaction(async (tx) => {
    const clientKey = data.clientKey;
    if (limits.perClient > 0 && clientKey) {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`start:${clientKey}`}))`;
      const since = new Date(Date.now() - limits.windowSeconds * 1000);
      const recent = await tx.session.findMany({
        where: { clientKey, createdAt: { gte: since } },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
        take: limits.perClient,
      });
      const oldest = recent[0];
      if (oldest && recent.length >= limits.perClient) {
        const retryAfterSeconds = (oldest.createdAt.getTime() - since.getTime()) / 1000;
        const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
        throw new AppError(
          "RATE_LIMITED",
          `You have started ${limits.perClient} conversations recently. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
          { retryAfterSeconds },
        );
      }
    }
    return tx.session.create({ data });
  });
}
