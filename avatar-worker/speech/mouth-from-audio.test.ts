import { describe, expect, it } from "vitest";

import { MOUTH_AT_REST } from "../face/mouth-shape";
import { mouthFromAudio } from "./mouth-from-audio";

const RATE = 16_000;

function shapeAt(samples: Int16Array, ms: number) {
  return mouthFromAudio(samples, RATE).findLast((keyframe) => keyframe.atMs <= ms)?.shape;
}

/** Silence, then `loudMs` of a 200 Hz tone at `amplitude`, then silence. */
function burst(amplitude: number, loudMs = 500): Int16Array {
  return Int16Array.from({ length: RATE * 1.5 }, (_, i) =>
    i >= RATE * 0.5 && i < RATE * (0.5 + loudMs / 1000)
      ? Math.round(amplitude * Math.sin((2 * Math.PI * 200 * i) / RATE))
      : 0,
  );
}

describe("mouthFromAudio", () => {
  it("opens on loud parts and rests on silence", () => {
    const samples = burst(10_000);
    expect(shapeAt(samples, 250)).toEqual(MOUTH_AT_REST);
    expect(shapeAt(samples, 750)?.open).toBeGreaterThan(0.5);
    expect(shapeAt(samples, 1_300)).toEqual(MOUTH_AT_REST);
  });

  it("opens wider for louder parts of the same clip", () => {
    const samples = burst(10_000);
    // Make the second half of the tone 20 dB quieter.
    for (let i = RATE * 0.75; i < RATE; i++) samples[i] = Math.round((samples[i] ?? 0) / 10);
    const loud = shapeAt(samples, 650)?.open ?? 0;
    const quiet = shapeAt(samples, 900)?.open ?? 1;
    expect(quiet).toBeGreaterThan(0);
    expect(quiet).toBeLessThan(loud);
  });

  it("stays at rest for silence and for a near-silent hiss", () => {
    const hiss = Int16Array.from({ length: RATE }, () => Math.round((Math.random() - 0.5) * 40));
    expect(mouthFromAudio(new Int16Array(RATE), RATE)).toEqual([{ atMs: 0, shape: MOUTH_AT_REST }]);
    expect(mouthFromAudio(hiss, RATE)).toEqual([{ atMs: 0, shape: MOUTH_AT_REST }]);
  });

  it("keeps keyframes in order, within the audio, ending at rest", () => {
    const samples = burst(10_000, 1_000);
    const mouth = mouthFromAudio(samples, RATE);
    const times = mouth.map((keyframe) => keyframe.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(1_500);
    expect(mouth.at(-1)?.shape).toEqual(MOUTH_AT_REST);
  });
});
