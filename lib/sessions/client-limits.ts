import { BRAND } from "@/lib/brand";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

import { checkDailyBudget } from "./budget";
import { STOP_ALERT_ATTEMPTS } from "./provider-stop";
import { LIVE_STATUSES } from "./statuses";
import type { StartLimits } from "./types";

type Db = Prisma.TransactionClient | PrismaClient;

/** Whether any limit applies to one client on its own. */
export function hasClientLimits(limits: StartLimits): boolean {
  return limits.perClient > 0 || limits.openPerClient > 0 || limits.dailySecondsPerClient > 0;
}

/**
 * Refuses (429) a start or resume of up to `seconds` that would take one client past its own
 * limits: starts in the window (resumes included), sessions held at once, its share of the day.
 */
export async function checkClientLimits(
  db: Db,
  limits: StartLimits,
  clientKey: string,
  seconds: number,
  now: Date,
): Promise<void> {
  await checkClientStarts(db, limits, clientKey, now);
  await checkClientOpen(db, limits.openPerClient, clientKey);
  await checkDailyBudget(db, limits.dailySecondsPerClient, seconds, now, clientKey);
}

async function checkClientStarts(db: Db, limits: StartLimits, clientKey: string, now: Date) {
  if (limits.perClient <= 0) return;
  const since = new Date(now.getTime() - limits.windowSeconds * 1000);
  const created = await db.session.findMany({
    where: { clientKey, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: limits.perClient,
  });
  const resumed = await db.sessionResume.findMany({
    where: { clientKey, at: { gte: since } },
    orderBy: { at: "asc" },
    select: { at: true },
    take: limits.perClient,
  });
  const starts = [...created.map((row) => row.createdAt), ...resumed.map((row) => row.at)]
    .map((at) => at.getTime())
    .sort((a, b) => a - b)
    .slice(0, limits.perClient);
  const oldest = starts[0];
  if (oldest === undefined || starts.length < limits.perClient) return;
  const retryAfterSeconds = (oldest - since.getTime()) / 1000;
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  throw new AppError(
    "RATE_LIMITED",
    `You have started ${limits.perClient} conversations recently. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds },
  );
}

async function checkClientOpen(db: Db, max: number, clientKey: string) {
  if (max <= 0) return;
  const open = await db.session.count({
    where: {
      clientKey,
      // Counted as MAX_ACTIVE_SESSIONS counts them (see limits.ts).
      OR: [
        { status: { in: LIVE_STATUSES } },
        { status: "STOP_FAILED", stopAttempts: { lt: STOP_ALERT_ATTEMPTS } },
      ],
    },
  });
  if (open < max) return;
  throw new AppError(
    "RATE_LIMITED",
    `You already have ${open} conversation${open === 1 ? "" : "s"} with ${BRAND.avatarName} going on, as many as one person may hold at once. End one before starting another.`,
    { retryAfterSeconds: 60 },
  );
}
