import { describe, expect, it } from "vitest";

import { createAnimator, type AnimatorInput } from "./animator";
import { MOUTH_AT_REST, type MouthShape } from "./mouth-shape";
import type { Pose } from "./pose";

const AH: MouthShape = { open: 1, wide: 0.4, round: 0 };

// Runs an animator from 0 to `seconds` at `fps`, with the inputs `at` gives for each moment.
function run(
  seconds: number,
  at: (nowMs: number) => Partial<AnimatorInput> = () => ({}),
  { fps = 25, seed = 1 } = {},
): Pose[] {
  const animator = createAnimator({ seed });
  const poses: Pose[] = [];
  for (let i = 0; i <= seconds * fps; i++) {
    const nowMs = (i * 1_000) / fps;
    poses.push(
      animator.next({
        nowMs,
        mouth: MOUTH_AT_REST,
        listening: false,
        speaking: false,
        ...at(nowMs),
      }),
    );
  }
  return poses;
}

function range(poses: Pose[], pick: (pose: Pose) => number): number {
  const values = poses.map(pick);
  return Math.max(...values) - Math.min(...values);
}

describe("createAnimator", () => {
  it("blinks within a few seconds and opens the eyes again", () => {
    const poses = run(8);
    const firstBlink = poses.findIndex((pose) => pose.eyeOpen < 0.5);
    expect(firstBlink).toBeGreaterThan(0);
    expect(firstBlink / 25).toBeLessThan(6.5);
    expect(poses[firstBlink + 8]?.eyeOpen).toBe(1);
  });

  it("replays exactly from the same seed", () => {
    expect(run(10, () => ({}), { seed: 5 })).toEqual(run(10, () => ({}), { seed: 5 }));
    expect(run(10, () => ({}), { seed: 6 })).not.toEqual(run(10, () => ({}), { seed: 5 }));
  });

  it("sways the head and breathes while idle", () => {
    const poses = run(20);
    expect(range(poses, (pose) => pose.headX)).toBeGreaterThan(4);
    expect(range(poses, (pose) => pose.headRoll)).toBeGreaterThan(0.02);
    expect(range(poses, (pose) => pose.breath)).toBeGreaterThan(0.9);
  });

  it("glances away now and then while idle, and back to the viewer", () => {
    const poses = run(20);
    const away = poses.filter((pose) => Math.abs(pose.gazeX) > 0.3).length;
    expect(away).toBeGreaterThan(0);
    expect(away).toBeLessThan(poses.length / 2);
  });

  it("gives the user an attentive listening look", () => {
    const idle = run(6).at(-1)!;
    const listening = run(6, (nowMs) => ({ listening: nowMs > 2_000, mouth: AH })).slice(60);
    const settled = listening.at(-1)!;
    expect(settled.browRaise).toBeGreaterThan(idle.browRaise + 0.3);
    expect(settled.headPitch).toBeGreaterThan(idle.headPitch + 0.15);
    expect(settled.smile).toBeGreaterThan(idle.smile);
    // Eyes stay on the viewer and the mouth stays closed, whatever speech sends.
    for (const pose of listening.slice(15)) {
      expect(Math.hypot(pose.gazeX, pose.gazeY)).toBeLessThan(0.02);
      expect(pose.mouth.open).toBeLessThan(0.01);
    }
  });

  it("moves the head less with reduced motion", () => {
    const normal = run(20);
    const reduced = run(20, () => ({ reducedMotion: true }));
    for (const pick of [(p: Pose) => p.headX, (p: Pose) => p.headY, (p: Pose) => p.headRoll]) {
      expect(range(reduced, pick)).toBeLessThan(range(normal, pick) * 0.5);
      expect(range(reduced, pick)).toBeGreaterThan(0);
    }
  });

  it("opens the mouth quickly but never in a single frame", () => {
    const poses = run(1, (nowMs) => ({ speaking: true, mouth: nowMs >= 400 ? AH : MOUTH_AT_REST }));
    // Frame 10 (400 ms) is the first to see the open mouth.
    const opening = poses.slice(9).map((pose) => pose.mouth.open);
    expect(opening[0]).toBe(0);
    expect(opening[1]).toBeGreaterThan(0.3);
    expect(opening[1]).toBeLessThan(0.9);
    expect(opening[5]).toBeGreaterThan(0.95);
  });

  it("moves at the same speed whatever the frame rate", () => {
    const inputs = (nowMs: number) => ({
      speaking: true,
      mouth: nowMs >= 400 ? AH : MOUTH_AT_REST,
    });
    const slow = run(1, inputs, { fps: 25 });
    const fast = run(1, inputs, { fps: 100 });
    // Compare at the same moments: 480 ms (mid-opening) and 1 s.
    for (const [s, f] of [
      [12, 48],
      [25, 100],
    ] as const) {
      expect(Math.abs(fast[f]!.mouth.open - slow[s]!.mouth.open)).toBeLessThan(0.1);
      expect(Math.abs(fast[f]!.headX - slow[s]!.headX)).toBeLessThan(0.5);
      expect(Math.abs(fast[f]!.breath - slow[s]!.breath)).toBeLessThan(0.01);
    }
  });
});
