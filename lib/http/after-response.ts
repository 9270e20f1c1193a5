import "server-only";

import { after } from "next/server";

/**
 * Runs `task` once the response has been sent (Next's `after`, which a serverless host keeps the
 * function alive for). Outside a request (a script, a test calling a handler) it simply runs in
 * the background. `task` must handle its own errors.
 */
export function afterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}
