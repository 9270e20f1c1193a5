// Exponential smoothing measured in milliseconds rather than frames, so the face moves at the
// same speed whether the worker runs at 25 or 60 fps.

import type { MouthShape } from "./mouth-shape";

/** Moves `current` towards `target`, covering 63% of the gap every `tauMs`. */
export function approach(current: number, target: number, dtMs: number, tauMs: number): number {
  if (dtMs <= 0) return current;
  if (tauMs <= 0) return target;
  return target + (current - target) * Math.exp(-dtMs / tauMs);
}

/** Smooths each channel of a mouth shape towards `target`. */
export function approachMouth(
  current: MouthShape,
  target: MouthShape,
  dtMs: number,
  tauMs: number,
): MouthShape {
  return {
    open: approach(current.open, target.open, dtMs, tauMs),
    wide: approach(current.wide, target.wide, dtMs, tauMs),
    round: approach(current.round, target.round, dtMs, tauMs),
  };
}

/** Linear interpolation from `a` (t = 0) to `b` (t = 1). */
export function mix(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** Clamps `value` into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
