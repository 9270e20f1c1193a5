/** A job run every `intervalMs`, never twice at once: a slow run delays the next, not doubles it. */
export function runEvery(intervalMs: number, job: () => Promise<unknown>): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    job()
      .catch((error: unknown) => console.error("Scheduled job failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  // The sweeper must never be what keeps a process alive (a build worker, a test).
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
