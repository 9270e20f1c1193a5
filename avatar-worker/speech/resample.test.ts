import { describe, expect, it } from "vitest";

import { rms } from "./pcm";
import { resample } from "./resample";

function tone(hz: number, rate: number, seconds: number, amplitude = 10_000): Int16Array {
  return Int16Array.from({ length: rate * seconds }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)),
  );
}

function zeroCrossings(samples: Int16Array): number {
  let count = 0;
  for (let i = 1; i < samples.length; i++) {
    if ((samples[i - 1] ?? 0) < 0 !== (samples[i] ?? 0) < 0) count++;
  }
  return count;
}

describe("resample", () => {
  it("turns espeak's 22.05 kHz into 48 kHz keeping pitch and level", () => {
    const input = tone(440, 22_050, 1);
    const output = resample(input, 22_050, 48_000);
    expect(output.length).toBe(48_000);
    // 440 Hz crosses zero 880 times a second at any sample rate.
    expect(zeroCrossings(output)).toBeGreaterThanOrEqual(878);
    expect(zeroCrossings(output)).toBeLessThanOrEqual(882);
    expect(rms(output, 1000, 47_000)).toBeCloseTo(rms(input, 1000, 21_000), 3);
  });

  it("filters out what the lower rate cannot carry instead of aliasing it", () => {
    const audible = resample(tone(1_000, 48_000, 1), 48_000, 16_000);
    const tooHigh = resample(tone(10_000, 48_000, 1), 48_000, 16_000);
    expect(audible.length).toBe(16_000);
    expect(rms(audible, 500, 15_500)).toBeGreaterThan(0.2);
    // A 10 kHz tone would fold to 6 kHz at 16 kHz; the filter leaves under 1% of it.
    expect(rms(tooHigh, 500, 15_500)).toBeLessThan(0.002);
  });

  it("returns a copy when the rates match", () => {
    const input = tone(440, 16_000, 0.1);
    const output = resample(input, 16_000, 16_000);
    expect(output).toEqual(input);
    expect(output).not.toBe(input);
  });
});
