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

/** Empty searches for a failed start's provider session before the provider counts as settled. */
export const ORPHAN_SEARCHES = 5;

/**
 * When to search again for a failed start's provider session after `searchesSoFar` empty
 * searches: the base delay, doubling each time, up to the maximum. A create the provider
 * finishes late is still found (base 10 s: searches over about two and a half minutes).
 */
export function nextSearchAt(settings: SessionSettings, searchesSoFar: number, now = new Date()) {
  const { stopRetryBaseSeconds: base, stopRetryMaxSeconds: max } = settings.sweep;
  const delaySeconds = Math.min(max, base * 2 ** Math.min(searchesSoFar - 1, 30));
  return new Date(now.getTime() + delaySeconds * 1000);
}
