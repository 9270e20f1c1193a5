import type { ChildProcess } from "node:child_process";

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
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`${what} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
