import type { TranscriptLineReport } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import type { PrismaClient, Session, TranscriptRole } from "@/lib/generated/prisma/client";

import { isSessionId } from "./ids";

/** Lines one session may keep: positions 0 to this − 1; later ones are dropped. */
export const MAX_TRANSCRIPT_LINES = 2000;
/** How long after a session ends its transcript may still arrive (the avatar hands it over). */
export const TRANSCRIPT_GRACE_MS = 2 * 60 * 1000;
/**
 * The order lines were said in: by when each began, then by position. A line can arrive after
 * the one that followed it (LiveKit Agents records a reply cut short only once the turn that cut
 * it has been recorded), so the position alone is the order of arrival, not of speech.
 */
export const SAID_ORDER = [{ at: "asc" as const }, { seq: "asc" as const }];

/**
 * Where a resumed conversation's new lines start: after the highest position kept (in the order
 * said, the last line need not hold it), whatever the line, a tool's included.
 */
export function nextSeqAfter(lines: ReadonlyArray<{ seq: number }>): number {
  return lines.reduce((next, line) => Math.max(next, line.seq + 1), 0);
}

/** What was said in a session, as its owner may read it. */
export interface TranscriptView {
  lines: Array<{ role: Exclude<TranscriptRole, "tool">; text: string; at: string }>;
}

/** The session's transcript, in the order it was said. */
export async function readTranscript(db: PrismaClient, row: Session): Promise<TranscriptView> {
  const lines = await db.transcriptLine.findMany({
    // The tools the model called are the operator's to see (/admin), not the person's.
    where: { sessionId: row.id, role: { not: "tool" } },
    orderBy: SAID_ORDER,
    select: { role: true, text: true, at: true },
  });
  return {
    lines: lines.flatMap(({ role, text, at }) =>
      role === "tool" ? [] : [{ role, text, at: at.toISOString() }],
    ),
  };
}

/** A reported line and its index in the report. */
export interface IndexedLine {
  index: number;
  line: TranscriptLineReport;
}

/** A reported line the app will never store, and why. */
export interface RefusedLine {
  index: number;
  reason: string;
}

/**
 * Stores transcript lines for a live or paused session, or one that ended moments ago; lines already
 * stored (same seq) are left as they are. Characters PostgreSQL cannot store are cleaned out of
 * each line; a line left empty, or past the cap, is refused on its own, never with the batch.
 */
export async function recordTranscript(
  db: PrismaClient,
  sessionId: string,
  lines: IndexedLine[],
): Promise<{ stored: number; refused: RefusedLine[] }> {
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
  const kept: TranscriptLineReport[] = [];
  const refused: RefusedLine[] = [];
  for (const { index, line } of lines) {
    const text = storable(line.text);
    if (line.seq >= MAX_TRANSCRIPT_LINES) {
      refused.push({ index, reason: `seq: a session keeps at most ${MAX_TRANSCRIPT_LINES} lines` });
    } else if (text.length === 0) {
      refused.push({ index, reason: "text: empty" });
    } else {
      kept.push({ ...line, text });
    }
  }
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
  if (refused.length > 0)
    console.warn(`Transcript of ${sessionId}: ${refused.length} line(s) over the cap or empty`);
  return { stored: count, refused };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text PostgreSQL accepts: no NUL, no half of a surrogate pair (made a replacement mark). */
function storable(text: string): string {
  return text.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD").trim();
}
