/**
 * At most `limit` of the tasks given to it run at once; the rest wait their turn in memory, in
 * order. Starts that check limits wait on a database lock while holding a pooled connection:
 * queueing them here instead keeps connections free for the stops that make room.
 */
export function createGate(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
