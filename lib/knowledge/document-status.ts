// Where a document's reading stands. A document is read after the response that added it
// (ingest.ts): "processing" while its passages are read and stored, then "ready" (the only
// documents searched) or "failed", saying why. A ready web page being fetched again stays ready,
// its old passages searched, with `progress` below 1 until the new ones replace them.
// No "server-only": /admin shares these rules (a pure module, no database).

export type DocumentStatus = "processing" | "ready" | "failed";

/**
 * A reading that has not moved for this long was abandoned by a process that died (ingestion
 * writes its progress at least every few seconds, and a PDF or a page has at most 20 s to be
 * read). Nothing records it: the document is shown interrupted from then on (store.ts), and the
 * reading, should it wake, may write nothing more (ingest.ts).
 */
export const INTERRUPTED_AFTER_MS = 2 * 60_000;
export const INTERRUPTED = "Its ingestion was interrupted; add it again.";
export const REFETCH_INTERRUPTED = "The fetch was interrupted; fetch it again.";

/** Whether a document is being read (added, or a page fetched again): /admin polls meanwhile. */
export function isBeingRead(document: { status: string; progress: number }): boolean {
  return document.status === "processing" || (document.status === "ready" && document.progress < 1);
}

/** A reading last heard from before this was abandoned. */
export function interruptedBefore(now = Date.now()): Date {
  return new Date(now - INTERRUPTED_AFTER_MS);
}

/** Whether a document's reading is under way as stored but silent past the limit. */
export function isAbandoned(
  document: { status: string; progress: number; updatedAt: Date },
  now = Date.now(),
): boolean {
  return isBeingRead(document) && document.updatedAt < interruptedBefore(now);
}
