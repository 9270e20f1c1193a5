// Gentle idle head motion and breathing as sums of slow sines at unrelated frequencies, so the
// movement never visibly repeats. A pure function of time: frame-rate independent.

import type { Pose } from "./pose";

/** The part of a pose that idle motion moves. */
export type IdleMotion = Pick<
  Pose,
  "headX" | "headY" | "headRoll" | "headYaw" | "headPitch" | "breath"
>;

const TAU = Math.PI * 2;

function wave(seconds: number, hz: number, phase: number): number {
  return Math.sin(seconds * hz * TAU + phase);
}

/** Idle head sway, bob and breathing at `nowMs`; `amount` scales the sway (1 normal). */
export function idleMotion(nowMs: number, amount: number, phase = 0): IdleMotion {
  const s = nowMs / 1_000;
  // A breath every ~4.5 s; the head rides up a little on each one.
  const breath = 0.5 + 0.5 * wave(s, 0.22, phase);
  return {
    headX: amount * (3.5 * wave(s, 0.13, phase + 1.1) + 1.5 * wave(s, 0.31, phase + 2.3)),
    headY: amount * (1.5 * wave(s, 0.17, phase + 0.4) - 1.2 * breath),
    headRoll: amount * (0.025 * wave(s, 0.09, phase + 0.7) + 0.01 * wave(s, 0.23, phase + 3.1)),
    headYaw: amount * (0.14 * wave(s, 0.07, phase + 1.9) + 0.05 * wave(s, 0.19, phase + 0.2)),
    headPitch: amount * (0.08 * wave(s, 0.11, phase + 2.6) + 0.04 * wave(s, 0.27, phase + 1.4)),
    breath,
  };
}
