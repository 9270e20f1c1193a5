import "server-only";

import { after } from "next/server";

/** Tasks started outside a request, still running. */
const running = new Set<Promise<void>>();

/**
 * Runs `task` once the response has been sent (Next's `after`, which a serverless host keeps the
 * function alive for). Outside a request (a script, a test calling a handler) it simply runs in
 * the background. `task` must handle its own errors.
 */
export function afterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    const run = task().finally(() => running.delete(run));
    running.add(run);
  }
}

/** Waits until the tasks started outside a request have ended (a test, before it looks). */
export async function backgroundSettled(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}
