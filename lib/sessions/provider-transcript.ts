import type { PrismaClient, Session } from "@/lib/generated/prisma/client";

import { MAX_TRANSCRIPT_LINES } from "./transcript";
import type { SessionDeps } from "./types";

/**
 * Keeps what a provider recorded of a provider session that has just stopped (Equos keeps its
 * conversations' transcripts; our own worker reports as it goes instead), after the lines the
 * ledger already has. Best effort: a provider that cannot answer loses the lines, not the stop.
 */
export async function keepProviderTranscript(
  deps: SessionDeps,
  db: PrismaClient,
  row: Session,
): Promise<void> {
  const provider = deps.providerFor(row.provider);
  if (!provider?.transcript || !row.providerSessionId) return;
  try {
    const lines = await provider.transcript(row.providerSessionId);
    if (lines.length === 0) return;
    const { _max } = await db.transcriptLine.aggregate({
      where: { sessionId: row.id },
      _max: { seq: true },
    });
    const first = (_max.seq ?? -1) + 1;
    await db.transcriptLine.createMany({
      data: lines
        .map((line, index) => ({
          sessionId: row.id,
          seq: first + index,
          role: line.role,
          text: line.text.slice(0, 4000),
          at: validDate(line.at),
        }))
        .filter((line) => line.seq < MAX_TRANSCRIPT_LINES && line.text.trim().length > 0),
      skipDuplicates: true,
    });
  } catch (error) {
    console.warn(`Could not read the provider's transcript of ${row.id}`, error);
  }
}

function validDate(iso: string): Date {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? new Date() : date;
}
