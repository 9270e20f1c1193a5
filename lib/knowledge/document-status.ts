import "server-only";

// Where a document's reading stands. A document is read after the response that added it
// (ingest.ts): "processing" while its passages are read and stored, then "ready" (the only
// documents searched) or "failed", saying why. A ready web page being fetched again stays ready,
// its old passages searched, with `progress` below 1 until the new ones replace them.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type DocumentStatus = "processing" | "ready" | "failed";

/**
 * A document whose reading has not moved for this long was abandoned by a process that died
 * (ingestion writes its progress at least every few seconds, and a PDF or a page has at most
 * 20 s to be read).
 */
export const INTERRUPTED_AFTER_MS = 2 * 60_000;
export const INTERRUPTED = "Its ingestion was interrupted; add it again.";
export const REFETCH_INTERRUPTED = "The fetch was interrupted; fetch it again.";

/**
 * Records the base's abandoned readings as such: a new document as failed (its passages so far
 * deleted), a page fetched again as ready with its old passages, saying it was interrupted.
 */
export async function settleInterrupted(db: PrismaClient, baseId: string): Promise<void> {
  const stale = { baseId, updatedAt: { lt: new Date(Date.now() - INTERRUPTED_AFTER_MS) } };
  const abandoned = await db.knowledgeDocument.findMany({
    where: { ...stale, status: "processing" },
    select: { id: true },
  });
  if (abandoned.length > 0) {
    const ids = abandoned.map(({ id }) => id);
    // Status first: a reading still alive (only slow) finds it no longer "processing" and stops.
    await db.knowledgeDocument.updateMany({
      where: { ...stale, id: { in: ids }, status: "processing" },
      data: { status: "failed", failure: INTERRUPTED },
    });
    await db.knowledgePassage.deleteMany({
      where: { documentId: { in: ids }, document: { status: "failed" } },
    });
  }
  await db.knowledgeDocument.updateMany({
    where: { ...stale, status: "ready", progress: { lt: 1 } },
    data: { progress: 1, failure: REFETCH_INTERRUPTED },
  });
}
