import type { TranscriptLineReport } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import type { PrismaClient, Session, TranscriptRole } from "@/lib/generated/prisma/client";

import { isSessionId } from "./ids";

/** Lines one session may keep: positions 0 to this − 1; later ones are dropped. */
export const MAX_TRANSCRIPT_LINES = 2000;
/** How long after a session ends its transcript may still arrive (the avatar hands it over). */
export const TRANSCRIPT_GRACE_MS = 2 * 60 * 1000;

/** What was said in a session, as its owner may read it. */
export interface TranscriptView {
  lines: Array<{ role: TranscriptRole; text: string; at: string }>;
}

/** The session's transcript, in the order it was said. */
export async function readTranscript(db: PrismaClient, row: Session): Promise<TranscriptView> {
  const lines = await db.transcriptLine.findMany({
    where: { sessionId: row.id },
    orderBy: { seq: "asc" },
    select: { role: true, text: true, at: true },
  });
  return { lines: lines.map((line) => ({ ...line, at: line.at.toISOString() })) };
}

/**
 * Stores transcript lines for a live or paused session, or one that ended moments ago; lines already
 * stored (same seq) are left as they are. Characters PostgreSQL cannot store are cleaned out of
 * each line, so one bad line never loses the batch.
 */
export async function recordTranscript(
  db: PrismaClient,
  sessionId: string,
  lines: TranscriptLineReport[],
): Promise<{ stored: number }> {
  const row = isSessionId(sessionId)
    ? await db.session.findUnique({
        where: { id: sessionId },
        select: { status: true, endedAt: true },
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "No session with that id.");
  // A paused session's avatar hands its lines over as it leaves; a resuming one's as it goes.
  const live = row.status !== "ENDED" && row.status !== "FAILED";
  const justEnded =
    row.endedAt !== null && Date.now() - row.endedAt.getTime() < TRANSCRIPT_GRACE_MS;
  if (!live && !justEnded) {
    throw new AppError("CONFLICT", "This session is not taking transcript lines.");
  }
  const kept = lines
    .filter((line) => line.seq < MAX_TRANSCRIPT_LINES)
    .map((line) => ({ ...line, text: storable(line.text) }))
    .filter((line) => line.text.length > 0);
  const { count } = await db.transcriptLine.createMany({
    data: kept.map((line) => ({
      sessionId,
      seq: line.seq,
      role: line.role,
      text: line.text,
      at: new Date(line.at),
    })),
    skipDuplicates: true,
  });
  const dropped = lines.length - kept.length;
  if (dropped > 0)
    console.warn(`Transcript of ${sessionId}: ${dropped} line(s) over the cap or empty, dropped`);
  return { stored: count };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL accepts: no NUL, no half of a surrogate pair (made a replacement mark). */
function storable(text: string): string {
  return text.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD").trim();
}
