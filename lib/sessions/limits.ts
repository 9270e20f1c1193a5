import { BRAND } from "@/lib/brand";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient, Session } from "@/lib/generated/prisma/client";

import { checkDailyBudget } from "./budget";
import { checkAvatarCapacity } from "./capacity";
import { createGate } from "./gate";
import { STOP_ALERT_ATTEMPTS } from "./provider-stop";
import { LIVE_STATUSES } from "./statuses";
import type { StartLimits } from "./types";

type Tx = Prisma.TransactionClient;

/**
 * Limit-checking starts under way at once in this process. Each holds a pooled connection while
 * it waits for the lock (the pool has 10): the others wait here, so stops always find one.
 */
const checkedStarts = createGate(4);

/** What a start (or resume) is checked as: whose, for which provider, for how long at most. */
interface Claimant {
  provider: string;
  clientKey: string | null;
  seconds: number;
  /** The agent name of the workers whose reported capacity bounds this provider's sessions. */
  workerAgentName?: string;
}

/**
 * Creates a session's ledger row, after checking the start limits in the same transaction. Each
 * check runs under an advisory lock held to the commit, so concurrent starts, even on other
 * instances, are counted one after another and cannot slip past a limit together.
 */
export async function createRowWithinLimits(
  db: PrismaClient,
  limits: StartLimits,
  data: Prisma.SessionCreateInput,
  workerAgentName?: string,
): Promise<Session> {
  const claimant = {
    provider: data.provider,
    clientKey: data.clientKey ?? null,
    seconds: data.maxDurationSeconds,
    workerAgentName,
  };
  return withinLimits(db, limits, claimant, (tx) => tx.session.create({ data }));
}

/**
 * PAUSED → STARTING for a resume, checked against the same limits as a start (for the talking
 * time the session has left). Null when the row is no longer paused: another resume, or a stop,
 * got there first.
 */
export async function resumeRowWithinLimits(
  db: PrismaClient,
  limits: StartLimits,
  row: Session,
  seconds: number,
  workerAgentName?: string,
): Promise<Session | null> {
  const claimant = { provider: row.provider, clientKey: row.clientKey, seconds, workerAgentName };
  return withinLimits(db, limits, claimant, async (tx) => {
    const [resuming] = await tx.session.updateManyAndReturn({
      where: { id: row.id, status: "PAUSED", endReason: null },
      data: { status: "STARTING", resumedAt: new Date() },
    });
    return resuming ?? null;
  });
}

async function withinLimits<T>(
  db: PrismaClient,
  limits: StartLimits,
  claimant: Claimant,
  write: (tx: Tx | PrismaClient) => Promise<T>,
): Promise<T> {
  const global =
    limits.maxActiveSessions > 0 ||
    limits.dailySessionSeconds > 0 ||
    claimant.workerAgentName !== undefined;
  const clientKey = limits.perClient > 0 ? claimant.clientKey : null;
  // With no limit to check there is nothing to serialise: one write, no transaction.
  if (!global && !clientKey) return write(db);
  return checkedStarts(() =>
    db.$transaction(
      async (tx) => {
        const now = new Date();
        // The global lock is always taken before a client's, so two starts never wait on each
        // other in opposite orders.
        if (global) {
          await lock(tx, "start:global");
          await checkActiveSessions(tx, limits.maxActiveSessions);
          await checkDailyBudget(tx, limits.dailySessionSeconds, claimant.seconds, now);
          if (claimant.workerAgentName) {
            await checkAvatarCapacity(tx, claimant.provider, claimant.workerAgentName);
          }
        }
        if (clientKey) {
          await lock(tx, `start:${clientKey}`);
          await checkClientStarts(tx, limits, clientKey, now);
        }
        return write(tx);
      },
      // Starts queue on the lock; give a busy moment time to drain rather than fail it.
      { maxWait: 10_000, timeout: 20_000 },
    ),
  );
}

async function lock(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

async function checkActiveSessions(tx: Tx, max: number) {
  if (max <= 0) return;
  const open = await tx.session.count({
    where: {
      OR: [
        { status: { in: LIVE_STATUSES } },
        // A stop that keeps failing holds a place until its retries pass the alert ceiling;
        // from then on an operator has been told, and it no longer keeps others out.
        { status: "STOP_FAILED", stopAttempts: { lt: STOP_ALERT_ATTEMPTS } },
      ],
    },
  });
  if (open >= max) {
    throw new AppError(
      "RATE_LIMITED",
      `${BRAND.avatarName} is already in ${max} conversation${max === 1 ? "" : "s"}, as many as ${BRAND.pronoun} can hold at once. Please try again in a minute.`,
      { retryAfterSeconds: 60 },
    );
  }
}

async function checkClientStarts(tx: Tx, limits: StartLimits, clientKey: string, now: Date) {
  const since = new Date(now.getTime() - limits.windowSeconds * 1000);
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
