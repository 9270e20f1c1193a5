import { describe, expect, it } from "vitest";

import { MOUTH_AT_REST } from "@/face-worker/face/mouth-shape";
import { mouthFromPhonemes } from "./phoneme-mouth";

const RATE = 22_050;

/** A 150 Hz buzz where `loud` is true, silence elsewhere. */
function audio(ms: number, loud: (atMs: number) => boolean): Int16Array {
  return Int16Array.from({ length: (RATE * ms) / 1000 }, (_, i) =>
    loud((i / RATE) * 1000) ? Math.round(8000 * Math.sin((2 * Math.PI * 150 * i) / RATE)) : 0,
  );
}

describe("mouthFromPhonemes", () => {
  const phonemes = [
    { ipa: "m", atMs: 100 },
    { ipa: "ˈɑː", atMs: 200 },
    { ipa: "t", atMs: 400 },
    { ipa: "", atMs: 500 },
  ];

  it("follows the phonemes in time and ends at rest", () => {
    const samples = audio(600, (ms) => ms >= 100 && ms < 500);
    const mouth = mouthFromPhonemes(phonemes, samples, RATE);
    const at = (ms: number) => mouth.findLast((keyframe) => keyframe.atMs <= ms)?.shape;
    expect(at(50)).toEqual(MOUTH_AT_REST);
    expect(at(150)?.open).toBe(0);
    expect(at(300)?.open).toBeGreaterThan(0.7);
    expect(at(450)?.open).toBeGreaterThan(0);
    expect(at(550)).toEqual(MOUTH_AT_REST);
    expect(mouth.at(-1)?.shape).toEqual(MOUTH_AT_REST);
    expect(mouth.map((keyframe) => keyframe.atMs)).toEqual(
      [...mouth.map((keyframe) => keyframe.atMs)].sort((a, b) => a - b),
    );
  });

  it("rests during a phoneme that is silent in the audio", () => {
    // The "t" closure is silent here: the mouth should not hold it half open.
    const samples = audio(600, (ms) => ms >= 100 && ms < 400);
    const mouth = mouthFromPhonemes(phonemes, samples, RATE);
    expect(mouth.findLast((keyframe) => keyframe.atMs <= 450)?.shape).toEqual(MOUTH_AT_REST);
  });
});
