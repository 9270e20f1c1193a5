import type { SessionSettings } from "./types";

/**
 * When a sweep should next try a stop that has failed: the base delay after the first round of
 * attempts, doubling with each later round, up to the maximum.
 */
export function nextStopAttemptAt(
  settings: SessionSettings,
  attemptsSoFar: number,
  now = new Date(),
): Date {
  const rounds = Math.max(1, Math.ceil(attemptsSoFar / settings.stopAttempts));
  const { stopRetryBaseSeconds: base, stopRetryMaxSeconds: max } = settings.sweep;
  const delaySeconds = Math.min(max, base * 2 ** Math.min(rounds - 1, 30));
  return new Date(now.getTime() + delaySeconds * 1000);
}

/**
 * When the search for a failed start's provider session may stop: once the provider's own
 * maximum session length (we send it with every start) has passed since the start was asked
 * for, plus the time the start had to reach the provider. Anything it started by then has ended
 * by itself.
 */
export function orphanSearchEndsAt(
  settings: SessionSettings,
  row: { createdAt: Date; resumedAt: Date | null; maxDurationSeconds: number },
): Date {
  const askedAt = (row.resumedAt ?? row.createdAt).getTime();
  const seconds = settings.sweep.startingTimeoutSeconds + row.maxDurationSeconds;
  return new Date(askedAt + seconds * 1000);
}

/**
 * When to search again for a failed start's provider session after `searchesSoFar` empty
 * searches: the base delay, doubling each time, up to the maximum, and never later than
 * `endsAt` (the last search is made then). Null once `endsAt` has passed: nothing is left to
 * find.
 */
export function nextSearchAt(
  settings: SessionSettings,
  searchesSoFar: number,
  endsAt: Date,
  now = new Date(),
): Date | null {
  if (now.getTime() >= endsAt.getTime()) return null;
  const { stopRetryBaseSeconds: base, stopRetryMaxSeconds: max } = settings.sweep;
  const delaySeconds = Math.min(max, base * 2 ** Math.min(searchesSoFar - 1, 30));
  return new Date(Math.min(now.getTime() + delaySeconds * 1000, endsAt.getTime()));
}
