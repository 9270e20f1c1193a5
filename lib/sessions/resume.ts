import { AppError } from "@/lib/errors";
import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import type { HistoryLine } from "@/lib/providers/types";

import { resumeRowWithinLimits } from "./limits";
import { isPausing } from "./pause";
import { remainingSeconds } from "./segments";
import { launch, type StartedSession } from "./start";
import { nextSeqAfter, SAID_ORDER } from "./transcript";
import { endPaused } from "./stop";
import type { SessionDeps } from "./types";

/**
 * Resumes a PAUSED session within PAUSE_MAX_SECONDS: a new provider session for the same
 * session id, told what was said so far, under the same limits as a start and counted as one of
 * the client resuming it. Answers like a start.
 */
export async function resumeSession(
  deps: SessionDeps,
  db: PrismaClient,
  row: Session,
  clientKey: string,
): Promise<StartedSession> {
  if (row.status !== "PAUSED") throw notResumable(row);
  const now = new Date();
  const pauseMax = deps.settings.sweep.pauseMaxSeconds;
  if (row.pausedAt && now.getTime() - row.pausedAt.getTime() > pauseMax * 1000) {
    await endPaused(db, row.id, "pause_expired");
    throw new AppError(
      "CONFLICT",
      `This conversation was paused for longer than ${minutes(pauseMax)}, so it has ended.`,
    );
  }
  const seconds = remainingSeconds(row, now);
  if (seconds <= 0) {
    await endPaused(db, row.id, "max_duration");
    throw new AppError("CONFLICT", "This conversation has used all of its time.");
  }
  const provider = deps.providerFor(row.provider);
  if (!provider) {
    throw new AppError(
      "SERVICE_UNAVAILABLE",
      `The ${row.provider} provider this conversation started with is not configured here.`,
    );
  }
  const resuming = await resumeRowWithinLimits(
    db,
    deps.settings.startLimit,
    row,
    clientKey,
    seconds,
    provider.workerAgentName,
  );
  if (!resuming) {
    throw notResumable(await db.session.findUniqueOrThrow({ where: { id: row.id } }));
  }
  const [history, segments] = await Promise.all([
    db.transcriptLine.findMany({
      where: { sessionId: row.id },
      orderBy: SAID_ORDER,
      select: { seq: true, role: true, text: true },
    }),
    db.sessionSegment.count({ where: { sessionId: row.id } }),
  ]);
  return launch(deps, db, provider, resuming, {
    segment: segments + 1,
    // What was said; the tools the model called are not part of the conversation carried on,
    // but their lines' positions are taken: new lines start after every line kept.
    history: history.filter((line): line is HistoryLine => line.role !== "tool"),
    nextSeq: nextSeqAfter(history),
  });
}

function notResumable(row: Session): AppError {
  if (isPausing(row)) {
    return new AppError("CONFLICT", "This conversation is still pausing; resume it in a moment.");
  }
  if (row.status === "STARTING") {
    return new AppError("CONFLICT", "This conversation is already resuming.");
  }
  if (row.status === "ACTIVE") {
    return new AppError("CONFLICT", "This conversation is not paused: it is going on.");
  }
  return new AppError("CONFLICT", "This conversation has ended, so it cannot be resumed.");
}

function minutes(seconds: number): string {
  const whole = Math.round(seconds / 60);
  return whole >= 1 ? `${whole} minute${whole === 1 ? "" : "s"}` : `${seconds} seconds`;
}
