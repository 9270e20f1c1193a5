// Knowledge documents are read after the response that adds them: tests follow a document as
// /admin does, reading the base's documents again until it is no longer being read.
import { isBeingRead } from "@/lib/knowledge/document-status";
import type { DocumentView } from "@/lib/knowledge/store";

/** How often the documents are read again: often enough to see progress, not to load the CPU. */
const POLL_MS = 150;

/**
 * Polls `list` (a base's documents) until document `id` is no longer being read (ready, or
 * failed); every progress seen on the way is kept in `seen`, if given.
 */
export async function untilRead(
  list: () => Promise<DocumentView[]>,
  id: string,
  options: { timeoutMs?: number; seen?: number[] } = {},
): Promise<DocumentView> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const document = (await list()).find((candidate) => candidate.id === id);
    if (!document) throw new Error(`No document ${id} in the base`);
    options.seen?.push(document.progress);
    if (!isBeingRead(document)) return document;
    if (Date.now() > deadline)
      throw new Error(`${id} still being read: ${JSON.stringify(document)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
