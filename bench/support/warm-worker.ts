// A visitor who comes while the worker is quiet finds its job processes warm. After each
// conversation the worker boots a replacement (seconds of CPU: code, voice, face), so a
// benchmark that starts visits back to back waits for that, as a real visitor would not have to.
import { sleep } from "@/lib/sleep";

import { treeCpu } from "./process-cpu";
import { waitForIdleWorker } from "./session-client";

const QUIET_PERCENT = 3;
const WINDOW_MS = 1_000;

/** Resolves once no job runs and the worker's processes, together, have been quiet a while. */
export async function waitForWarmWorker(workerPid: number, timeoutMs = 30_000): Promise<void> {
  await waitForIdleWorker(timeoutMs);
  const deadline = performance.now() + timeoutMs;
  let quietWindows = 0;
  while (quietWindows < 2 && performance.now() < deadline) {
    const before = treeCpu(workerPid);
    await sleep(WINDOW_MS);
    const after = treeCpu(workerPid);
    let seconds = 0;
    for (const [pid, used] of after) seconds += used - (before.get(pid) ?? used);
    quietWindows = (seconds / (WINDOW_MS / 1000)) * 100 < QUIET_PERCENT ? quietWindows + 1 : 0;
  }
}
