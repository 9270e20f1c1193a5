/**
 * At most `limit` of the tasks given to it run at once; the rest wait their turn in memory, in
 * order. Starts that check limits wait on a database lock while holding a pooled connection:
 * queueing them here instead keeps connections free for the stops that make room. A task that
 * has waited `maxWaitMs` for its turn is not run: it fails with `tooLong()` instead, so a
 * crowd answers "busy, try again" rather than waiting without end.
 */
export function createGate(
  limit: number,
  wait: { maxWaitMs: number; tooLong: () => Error } = { maxWaitMs: Infinity, tooLong: Error },
) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await turn(waiting, wait);
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

function turn(waiting: Array<() => void>, wait: { maxWaitMs: number; tooLong: () => Error }) {
  return new Promise<void>((resolve, reject) => {
    const go = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer =
      wait.maxWaitMs === Infinity
        ? undefined
        : setTimeout(() => {
            waiting.splice(waiting.indexOf(go), 1);
            reject(wait.tooLong());
          }, wait.maxWaitMs);
    waiting.push(go);
  });
}
