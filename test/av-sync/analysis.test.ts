import { describe, expect, it } from "vitest";

import {
  lineOffsets,
  mouthLag,
  type MouthFrame,
  openThreshold,
  speechSpans,
  stoppedAt,
  type VoiceLevel,
} from "./analysis";

/** A syllable-like loudness: bursts of 120–280 ms, pauses between, seeded. */
function envelope(seconds: number, seed = 7): (t: number) => number {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const syllables: Array<{ start: number; end: number; peak: number }> = [];
  for (let t = 0; t < seconds * 1000;) {
    const length = 120 + random() * 160;
    syllables.push({ start: t, end: t + length, peak: 0.05 + random() * 0.2 });
    t += length + 30 + random() * 120;
  }
  return (t) => {
    const s = syllables.find((one) => t >= one.start && t < one.end);
    return s ? s.peak * Math.sin((Math.PI * (t - s.start)) / (s.end - s.start)) : 0;
  };
}

/** A line of `seconds` of voice from `from`, then silence; the mouth `lagMs` behind it at 30 fps. */
function line(from: number, seconds: number, lagMs: number, seed?: number) {
  const loudness = envelope(seconds, seed);
  const audio: VoiceLevel[] = [];
  for (let t = 0; t < (seconds + 2) * 1000; t += 10) {
    audio.push({ at: from + t, rms: t < seconds * 1000 ? loudness(t) : 0 });
  }
  const frames: MouthFrame[] = [];
  for (let t = 0; t < (seconds + 2) * 1000; t += 1000 / 30) {
    // Frames shown a little irregularly, as a browser shows them.
    const at = from + t + ((t * 7) % 5);
    const said = at - from - lagMs;
    frames.push({ at, open: said >= 0 && said < seconds * 1000 ? loudness(said) * 4000 : 0 });
  }
  return { audio, frames };
}

describe("mouthLag", () => {
  it.each([0, 60, -40, 120])("finds a mouth %i ms behind the voice", (lag) => {
    const { audio, frames } = line(5_000, 4, lag);
    const [span] = speechSpans(audio);
    const found = mouthLag(audio, frames, span!);
    expect(Math.abs(found.lagMs - lag)).toBeLessThanOrEqual(20);
    expect(found.correlation).toBeGreaterThan(0.8);
  });

  it("finds no agreement between a voice and a mouth that does not follow it", () => {
    const { audio } = line(0, 4, 0, 7);
    const { frames } = line(0, 4, 0, 99);
    const { measured, unmatched } = lineOffsets(audio, frames);
    expect(measured).toHaveLength(0);
    expect(unmatched).toHaveLength(1);
  });
});

describe("speechSpans", () => {
  it("splits lines at pauses and drops short sounds", () => {
    const first = line(0, 3, 0);
    const second = line(10_000, 2, 0);
    const click: VoiceLevel[] = [{ at: 20_000, rms: 0.2 }];
    const spans = speechSpans([...first.audio, ...second.audio, ...click]);
    expect(spans).toHaveLength(2);
    expect(spans[0]!.start).toBeLessThan(200);
    expect(spans[1]!.start).toBeGreaterThanOrEqual(10_000);
    expect(spans[1]!.end).toBeLessThan(12_100);
  });
});

describe("stoppedAt", () => {
  const on = (level: VoiceLevel) => level.rms > 0.01;

  it("is the last moment it was on before a quiet stretch", () => {
    const levels: VoiceLevel[] = [];
    for (let t = 0; t < 3_000; t += 10) levels.push({ at: t, rms: t < 1_230 ? 0.1 : 0 });
    expect(stoppedAt(levels, on, 1_000)).toBe(1_220);
  });

  it("is undefined while it never goes quiet for long enough", () => {
    const levels: VoiceLevel[] = [];
    for (let t = 0; t < 3_000; t += 10) levels.push({ at: t, rms: t % 500 < 300 ? 0.1 : 0 });
    expect(stoppedAt(levels, on, 1_000)).toBeUndefined();
  });

  it("counts an open mouth by a fifth of its widest", () => {
    const frames: MouthFrame[] = [0, 400, 900, 50].map((open, i) => ({ at: i * 33, open }));
    expect(openThreshold(frames)).toBe(180);
  });
});
