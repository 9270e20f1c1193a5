// How long a stop may take, against how long its claim lasts. Free of imports: lib/env.ts (which
// next.config.mjs loads) refuses an environment whose stops could outlive their claim.

/** A claim older than this belongs to a process that died mid-stop; another may take over. */
export const CLAIM_LEASE_MS = 2 * 60 * 1000;

/** Delay before a stop's second attempt; each later one doubles it (lib/retry.ts). */
export const STOP_RETRY_BASE_MS = 250;

/**
 * The longest a stop's provider calls can take: every attempt's request running to its time-out,
 * one more request (the state asked after a refusal, see provider-stop.ts), and the back-off
 * between attempts at its most jittered. It must fit in the lease, or a slow but live stop would
 * lose its claim to another.
 */
export function stopRetryBudgetMs(attempts: number, requestTimeoutMs: number): number {
  const backoff = 1.25 * STOP_RETRY_BASE_MS * (2 ** Math.max(0, attempts - 1) - 1);
  return (attempts + 1) * requestTimeoutMs + backoff;
}
