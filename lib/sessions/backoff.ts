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
