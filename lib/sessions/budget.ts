import { BRAND } from "@/lib/brand";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

import { OPEN_STATUSES } from "./statuses";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Refuses a start that could take today's session seconds past `budget`: everyone's, or with
 * `clientKey` that client's share. Ended sessions count what they ran today; open ones count
 * the most they may still run (the provider is told the same maximum), so sessions that are
 * running cannot overrun the budget either. Paused and resumed sessions count what their
 * segments billed (all of it, a conservative day's share).
 */
export async function checkDailyBudget(
  tx: Prisma.TransactionClient,
  budget: number,
  wantedSeconds: number,
  now: Date,
  clientKey?: string,
): Promise<void> {
  if (budget <= 0) return;
  const midnight = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const rows = await tx.session.findMany({
    where: {
      ...(clientKey === undefined ? {} : { clientKey }),
      OR: [{ status: { in: [...OPEN_STATUSES, "PAUSED"] } }, { endedAt: { gte: midnight } }],
    },
    select: {
      status: true,
      createdAt: true,
      startedAt: true,
      endedAt: true,
      durationSeconds: true,
      maxDurationSeconds: true,
      billedSeconds: true,
      segmentStartedAt: true,
    },
  });

  let ended = 0;
  let reserved = 0;
  let soonestEnd = Infinity;
  for (const row of rows) {
    const max = row.maxDurationSeconds;
    if (row.status === "PAUSED") {
      ended += row.billedSeconds;
    } else if (OPEN_STATUSES.includes(row.status)) {
      const left = Math.max(0, max - row.billedSeconds);
      const begin = (row.segmentStartedAt ?? row.startedAt ?? row.createdAt).getTime();
      const end = begin + left * 1000;
      reserved +=
        row.billedSeconds + clamp((end - Math.max(begin, midnight.getTime())) / 1000, 0, left);
      soonestEnd = Math.min(soonestEnd, (end - now.getTime()) / 1000);
    } else if (row.endedAt) {
      const sinceMidnight = (row.endedAt.getTime() - midnight.getTime()) / 1000;
      ended += clamp(Math.min(row.durationSeconds ?? 0, sinceMidnight), 0, max);
    }
  }
  if (ended + reserved + wantedSeconds <= budget) return;

  const untilMidnight = (midnight.getTime() + DAY_MS - now.getTime()) / 1000;
  const whose = clientKey === undefined ? "today's" : "your share of today's";
  if (ended + wantedSeconds > budget || soonestEnd >= untilMidnight) {
    throw new AppError(
      "RATE_LIMITED",
      `${capitalise(whose)} conversation time with ${BRAND.avatarName} is used up. Please come back tomorrow (the day starts at 00:00 UTC).`,
      { retryAfterSeconds: untilMidnight },
    );
  }
  const minutes = Math.max(1, Math.ceil(soonestEnd / 60));
  throw new AppError(
    "RATE_LIMITED",
    `The rest of ${whose} conversation time is held by conversations in progress. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    { retryAfterSeconds: Math.max(1, soonestEnd) },
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
