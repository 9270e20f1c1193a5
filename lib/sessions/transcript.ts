import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TranscriptLineReport } from "@/lib/providers/local/worker-contract";

import { isSessionId } from "./ids";

/** Stores transcript lines for a session; lines already stored (same seq) are left as they are. */
export async function recordTranscript(
  db: PrismaClient,
  sessionId: string,
  lines: TranscriptLineReport[],
): Promise<{ stored: number }> {
  const exists =
    isSessionId(sessionId) && (await db.session.count({ where: { id: sessionId } })) > 0;
  if (!exists) throw new AppError("NOT_FOUND", "No session with that id.");
  const { count } = await db.transcriptLine.createMany({
    data: lines.map((line) => ({
      sessionId,
      seq: line.seq,
      role: line.role,
      text: line.text,
      at: new Date(line.at),
    })),
    skipDuplicates: true,
  });
  return { stored: count };
}
