import { BRAND } from "@/lib/brand";
import { CAPACITY_REPORT_SECONDS, type CapacityReport } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

import { LIVE_STATUSES } from "./statuses";

/** A worker not heard from in this long has gone (crashed, scaled away, cut off). */
export const WORKER_STALE_MS = 3 * CAPACITY_REPORT_SECONDS * 1000;
/**
 * A worker says at once when a job begins or a process warms, and at least every period; a
 * readiness older than one and a half periods is not believed (its reports are failing).
 */
export const READY_STALE_MS = 1.5 * CAPACITY_REPORT_SECONDS * 1000;
/** A process warms in seconds; a refused start is worth trying again this soon. */
export const WARMING_RETRY_SECONDS = 3;

/** Keeps a worker's latest report. */
export async function recordWorkerCapacity(db: PrismaClient, report: CapacityReport) {
  const seen = {
    agentName: report.agentName,
    maxSessions: report.maxSessions,
    activeJobs: report.activeJobs,
    readyProcesses: report.readyProcesses,
    faceAgentName: report.faceAgentName ?? null,
    hostedFaces: report.hostedFaces ?? [],
    seenAt: new Date(),
  };
  await db.avatarWorker.upsert({
    where: { id: report.workerId },
    create: { id: report.workerId, ...seen },
    update: seen,
  });
  // Workers that went away long ago are of no more use to anyone.
  await db.avatarWorker.deleteMany({ where: { seenAt: { lt: new Date(Date.now() - 3600_000) } } });
}

/** Conversations the live workers for `agentName` take at once, all told. */
export async function liveWorkerCapacity(
  db: Prisma.TransactionClient | PrismaClient,
  agentName: string,
) {
  const { _sum } = await db.avatarWorker.aggregate({
    where: { agentName, seenAt: { gte: new Date(Date.now() - WORKER_STALE_MS) } },
    _sum: { maxSessions: true },
  });
  return _sum.maxSessions ?? 0;
}

/**
 * Refuses a start (503 AVATAR_BUSY, nothing created) unless a live worker has room: LiveKit's
 * dispatch would otherwise find no worker for the room and never try again, leaving the person
 * alone in it. Counted against the ledger's open sessions of this provider, so concurrent starts
 * on any instance (serialised by the caller's lock) cannot overfill the workers.
 */
export async function checkAvatarCapacity(
  tx: Prisma.TransactionClient,
  provider: string,
  agentName: string,
) {
  const capacity = await liveWorkerCapacity(tx, agentName);
  const open = await tx.session.count({
    where: { provider, status: { in: LIVE_STATUSES } },
  });
  if (open >= capacity) throw busy(capacity, "avatar worker");
  await checkAvatarReady(tx, provider, agentName);
  // A brain that draws no face of its own has each conversation shown by a face worker: the
  // faces must have room and a warm process too, or the brain joins and its face never comes.
  for (const face of await facesNeeded(tx, agentName)) {
    const faces = await liveWorkerCapacity(tx, face);
    if (open >= faces) throw busy(faces, "face worker");
    await checkAvatarReady(tx, provider, face);
  }
}

function busy(capacity: number, worker: string) {
  return new AppError(
    "AVATAR_BUSY",
    capacity === 0
      ? `${BRAND.avatarName} isn't available right now (no ${worker} is running). Please try again in a minute.`
      : `${BRAND.avatarName} is in too many conversations, try again in a minute.`,
    { retryAfterSeconds: 30 },
  );
}

/** The face workers the live brains for `agentName` say they need (none: they draw their own). */
export async function facesNeeded(db: Prisma.TransactionClient | PrismaClient, agentName: string) {
  const brains = await db.avatarWorker.findMany({
    where: {
      agentName,
      faceAgentName: { not: null },
      seenAt: { gte: new Date(Date.now() - WORKER_STALE_MS) },
    },
    distinct: ["faceAgentName"],
    select: { faceAgentName: true },
  });
  return brains.flatMap((brain) => (brain.faceAgentName ? [brain.faceAgentName] : []));
}

/**
 * Refuses a start (503 AVATAR_WARMING, nothing created) while no worker can begin a conversation
 * at once: a job given to a worker whose job processes are all still warming waits for one, and
 * on a busy machine that is longer than the page waits for the avatar. Starts made since the
 * oldest report counted here have used up some of what it offered.
 */
async function checkAvatarReady(tx: Prisma.TransactionClient, provider: string, agentName: string) {
  const ready = await tx.avatarWorker.findMany({
    where: {
      agentName,
      readyProcesses: { gt: 0 },
      seenAt: { gte: new Date(Date.now() - READY_STALE_MS) },
    },
    select: { readyProcesses: true, seenAt: true },
  });
  const offered = ready.reduce((sum, worker) => sum + worker.readyProcesses, 0);
  if (offered > 0) {
    const since = new Date(Math.min(...ready.map((worker) => worker.seenAt.getTime())));
    const begun = await tx.session.count({
      where: {
        provider,
        status: { in: ["STARTING", "ACTIVE"] },
        OR: [{ createdAt: { gt: since } }, { resumedAt: { gt: since } }],
      },
    });
    if (begun < offered) return;
  }
  throw new AppError(
    "AVATAR_WARMING",
    `${BRAND.avatarName} is getting ready for the next conversation. Please try again in a few seconds.`,
    { retryAfterSeconds: WARMING_RETRY_SECONDS },
  );
}

/** The hosted faces (lib/faces/) some live worker for `agentName` has the vendor's keys for. */
export async function hostedFacesReported(
  db: Prisma.TransactionClient | PrismaClient,
  agentName: string,
): Promise<string[]> {
  const workers = await db.avatarWorker.findMany({
    where: {
      agentName,
      maxSessions: { gt: 0 },
      seenAt: { gte: new Date(Date.now() - WORKER_STALE_MS) },
    },
    select: { hostedFaces: true },
  });
  return [...new Set(workers.flatMap((worker) => worker.hostedFaces))].sort();
}
