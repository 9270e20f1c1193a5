import { describe, expect, it } from "vitest";

import { createBlinker } from "./blink";
import { seededRandom } from "./random";

interface Episode {
  startMs: number;
  endMs: number;
  deepest: number;
}

// Samples every millisecond and groups the moments the eyes are not fully open into blinks.
function episodes(seed: number, seconds: number): Episode[] {
  const shutAt = createBlinker(seededRandom(seed));
  const found: Episode[] = [];
  let current: Episode | undefined;
  for (let ms = 0; ms <= seconds * 1_000; ms++) {
    const shut = shutAt(ms);
    if (shut > 0) {
      current ??= { startMs: ms, endMs: ms, deepest: 0 };
      current.endMs = ms;
      current.deepest = Math.max(current.deepest, shut);
    } else if (current) {
      found.push(current);
      current = undefined;
    }
  }
  return found;
}

describe("createBlinker", () => {
  const blinks = episodes(42, 300);

  it("blinks briefly and closes the eyes fully", () => {
    expect(blinks.length).toBeGreaterThan(40);
    for (const blink of blinks) {
      expect(blink.endMs - blink.startMs).toBeGreaterThanOrEqual(105);
      expect(blink.endMs - blink.startMs).toBeLessThanOrEqual(180);
      expect(blink.deepest).toBeGreaterThan(0.98);
    }
  });

  it("spaces blinks 2-6 s apart, apart from the occasional quick double blink", () => {
    const gaps = blinks.slice(1).map((blink, i) => blink.startMs - (blinks[i]?.endMs ?? 0));
    const doubles = gaps.filter((gap) => gap < 200);
    const regular = gaps.filter((gap) => gap >= 200);
    expect(doubles.length).toBeGreaterThan(0);
    expect(doubles.length).toBeLessThan(gaps.length * 0.35);
    for (const gap of regular) {
      expect(gap).toBeGreaterThanOrEqual(2_000);
      expect(gap).toBeLessThanOrEqual(6_000);
    }
  });

  it("replays exactly with the same seed and differs with another", () => {
    expect(episodes(42, 30)).toEqual(episodes(42, 30));
    expect(episodes(43, 30)).not.toEqual(episodes(42, 30));
  });
});
