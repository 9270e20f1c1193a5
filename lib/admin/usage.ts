import "server-only";

import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/** Billed seconds on one UTC day. */
export interface UsageDay {
  /** YYYY-MM-DD, UTC. */
  day: string;
  seconds: number;
}

export interface UsageReport {
  days: UsageDay[];
  /** Sessions created in the period, by why they ended ("open" while they have not). */
  endReasons: Record<string, number>;
  billedSeconds: number;
  /** From COST_PER_MINUTE; null when no price is set. */
  estimatedCost: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Usage over the last `days` UTC days: billed seconds per day (each billed stretch counts on the
 * day it ended), sessions per end reason, and the cost those seconds come to at the given
 * per-minute prices ("*" for any provider without its own).
 */
export async function usageReport(
  db: PrismaClient,
  options: { days: number; costs?: Record<string, number>; now?: Date },
): Promise<UsageReport> {
  const now = options.now ?? new Date();
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const since = new Date(today - (options.days - 1) * DAY_MS);
  const sinceSql = Prisma.sql`(${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

  const [billed, reasons] = await Promise.all([
    // Segments, and sessions from before segments were recorded (their duration is one).
    db.$queryRaw<Array<{ day: string; provider: string; seconds: number }>>`
      SELECT to_char(g."endedAt", 'YYYY-MM-DD') AS day, s."provider", SUM(g."seconds")::int AS seconds
      FROM "SessionSegment" g JOIN "Session" s ON s."id" = g."sessionId"
      WHERE g."endedAt" >= ${sinceSql}
      GROUP BY 1, 2
      UNION ALL
      SELECT to_char(s."endedAt", 'YYYY-MM-DD'), s."provider", SUM(s."durationSeconds")::int
      FROM "Session" s
      WHERE s."endedAt" >= ${sinceSql} AND s."durationSeconds" > 0
        AND NOT EXISTS (SELECT 1 FROM "SessionSegment" g WHERE g."sessionId" = s."id")
      GROUP BY 1, 2`,
    db.session.groupBy({
      by: ["endReason"],
      where: { createdAt: { gte: since } },
      _count: { _all: true },
    }),
  ]);

  const perDay = new Map<string, number>();
  let cost = 0;
  for (const row of billed) {
    perDay.set(row.day, (perDay.get(row.day) ?? 0) + row.seconds);
    const price = options.costs?.[row.provider] ?? options.costs?.["*"] ?? 0;
    cost += (row.seconds / 60) * price;
  }
  const days = Array.from({ length: options.days }, (_, index) => {
    const day = new Date(since.getTime() + index * DAY_MS).toISOString().slice(0, 10);
    return { day, seconds: perDay.get(day) ?? 0 };
  });
  return {
    days,
    endReasons: Object.fromEntries(
      reasons.map((group) => [group.endReason ?? "open", group._count._all]),
    ),
    billedSeconds: days.reduce((total, day) => total + day.seconds, 0),
    estimatedCost: options.costs ? Math.round(cost * 100) / 100 : null,
  };
}
