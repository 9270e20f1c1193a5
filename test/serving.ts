import type { ChildProcess } from "node:child_process";

import { stopProcess, waitForHttp } from "@/scripts/lib/processes.mjs";

/**
 * Waits until a server a test started answers at `url` (any HTTP status); if it exits first or
 * `timeoutMs` passes, kills it and fails.
 */
export async function serving(child: ChildProcess, url: string, timeoutMs = 30_000) {
  try {
    await waitForHttp(url, { child, timeoutMs, intervalMs: 100 });
  } catch (error) {
    await stopProcess(child, { signal: "SIGKILL" });
    throw error;
  }
}
