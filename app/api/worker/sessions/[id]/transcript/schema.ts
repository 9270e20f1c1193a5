import { z } from "zod";

import {
  TRANSCRIPT_BATCH_MAX_LINES,
  TRANSCRIPT_LINE_MAX_CHARACTERS,
  type TranscriptLineReport,
} from "@/lib/contract";
import type { IndexedLine, RefusedLine } from "@/lib/sessions/transcript";

/**
 * Body of POST /api/worker/sessions/{id}/transcript. Each line is checked on its own (see
 * checkLines), so one bad line is refused without losing the rest of the batch.
 */
export const transcriptReportBody = z.strictObject({
  lines: z.array(z.unknown()).max(TRANSCRIPT_BATCH_MAX_LINES),
});

const transcriptLine = z.strictObject({
  seq: z.number().int().min(0).max(100_000),
  role: z.enum(["assistant", "user", "tool"]),
  text: z.string().min(1).max(TRANSCRIPT_LINE_MAX_CHARACTERS),
  at: z.iso.datetime(),
}) satisfies z.ZodType<TranscriptLineReport>;

/** Splits a report's lines into well-formed ones and the refused, each with its index. */
export function checkLines(lines: unknown[]): { valid: IndexedLine[]; refused: RefusedLine[] } {
  const valid: IndexedLine[] = [];
  const refused: RefusedLine[] = [];
  lines.forEach((raw, index) => {
    const result = transcriptLine.safeParse(raw);
    if (result.success) {
      valid.push({ index, line: result.data });
      return;
    }
    const reason = result.error.issues
      .map((issue) => `${issue.path.length > 0 ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
      .join("; ");
    refused.push({ index, reason });
  });
  return { valid, refused };
}
