import { BRAND } from "@/lib/brand";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient, Session } from "@/lib/generated/prisma/client";

import { checkDailyBudget } from "./budget";
import { checkAvatarCapacity } from "./capacity";
import { checkClientLimits, hasClientLimits } from "./client-limits";
import { createGate } from "./gate";
import { isOverload } from "./overload";
import { STOP_ALERT_ATTEMPTS } from "./provider-stop";
import { LIVE_STATUSES } from "./statuses";
import type { StartLimits } from "./types";

type Tx = Prisma.TransactionClient;

/** How long a start waits for its turn here, and then for the start lock, before it answers busy. */
const GATE_WAIT_MS = 10_000;
const LOCK_WAIT_MS = 5_000;

/**
 * Limit-checking starts under way at once in this process. Each holds a pooled connection while
 * it waits for the lock (the pool has 10): the others wait here, so stops always find one.
 */
const checkedStarts = createGate(4, { maxWaitMs: GATE_WAIT_MS, tooLong: () => busy() });

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
 * time the session has left), and counted as a start of `clientKey`, the client resuming it, who
 * holds it from now on. Null when the row is no longer paused: another resume, or a stop, got
 * there first.
 */
export async function resumeRowWithinLimits(
  db: PrismaClient,
  limits: StartLimits,
  row: Session,
  clientKey: string,
  seconds: number,
  workerAgentName?: string,
): Promise<Session | null> {
  const claimant = { provider: row.provider, clientKey, seconds, workerAgentName };
  return withinLimits(db, limits, claimant, async (tx) => {
    const [resuming] = await tx.session.updateManyAndReturn({
      where: { id: row.id, status: "PAUSED", endReason: null },
      data: { status: "STARTING", resumedAt: new Date(), clientKey },
    });
    if (!resuming) return null;
    await tx.sessionResume.create({ data: { sessionId: row.id, clientKey } });
    return resuming;
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
  const clientKey = hasClientLimits(limits) ? claimant.clientKey : null;
  // With no limit to check there is nothing to serialise: one write, no transaction.
  if (!global && !clientKey) return write(db);
  // What the client's own limits refuse is refused now, before the start waits for anything
  // shared (this process's gate, the global lock): a client over its limits holds no one up. The
  // same check under the client's lock below is the one that counts.
  if (clientKey) {
    await checkClientLimits(db, limits, clientKey, claimant.seconds, new Date());
  }
  try {
    return await checkedStarts(() =>
      db.$transaction(
        async (tx) => {
          // A lock held too long means a crowd: answer busy rather than wait out the transaction.
          await tx.$executeRaw`SELECT set_config('lock_timeout', ${`${LOCK_WAIT_MS}ms`}, true)`;
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
            await checkClientLimits(tx, limits, clientKey, claimant.seconds, now);
          }
          return write(tx);
        },
        // Starts queue on the lock; give a busy moment time to drain rather than fail it.
        { maxWait: 10_000, timeout: 20_000 },
      ),
    );
  } catch (error) {
    throw isOverload(error) ? busy(error) : error;
  }
}

/** 503 with Retry-After: the start could not get its turn in time. */
function busy(cause?: unknown): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "Too many conversations are starting at this moment. Please try again in a few seconds.",
    { retryAfterSeconds: 5, cause },
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
