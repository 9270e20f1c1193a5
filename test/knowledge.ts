// Knowledge documents are read after the response that adds them: tests follow a document as
// /admin does, reading the base's documents again until it is no longer being read.
import type { DocumentView } from "@/lib/knowledge/store";

/**
 * Polls `list` (a base's documents) until document `id` is ready (progress 1) or failed; every
 * progress seen on the way is kept in `seen`, if given.
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
    const reading =
      document.status === "processing" || (document.status === "ready" && document.progress < 1);
    if (!reading) return document;
    if (Date.now() > deadline)
      throw new Error(`${id} still being read: ${JSON.stringify(document)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
