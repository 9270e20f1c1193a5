import type { ChildProcess } from "node:child_process";

import { sleep } from "@/lib/sleep";

/**
 * Waits until a server the test started answers at `probeUrl` (any HTTP status); fails if the
 * process exits first or `timeoutMs` passes. Resolves with a way to stop it.
 */
export async function whenServing(
  child: ChildProcess,
  probeUrl: string,
  what: string,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(probeUrl, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill("SIGKILL");
        throw new Error(`${what} did not start`);
      }
      await sleep(100);
    }
  }
  return { stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL if the process has not gone within `graceMs` (a draining server). */
function stopChild(child: ChildProcess, graceMs = 5000) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
