import { sleep } from "@/lib/sleep";

interface RetryOptions {
  attempts: number;
  /** Delay before the second attempt; each later one doubles it. */
  baseDelayMs: number;
  shouldRetry: (error: unknown) => boolean;
}

/** Calls `fn` until it succeeds or `attempts` calls have failed, backing off between calls. */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !options.shouldRetry(error)) throw error;
      const jitter = 0.75 + Math.random() * 0.5;
      await sleep(options.baseDelayMs * 2 ** (attempt - 1) * jitter);
    }
  }
}
