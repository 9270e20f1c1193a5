import { describe, expect, it } from "vitest";

import { MOUTH_AT_REST } from "@/face-worker/face/mouth-shape";
import { shapesForPhoneme } from "./visemes";

describe("shapesForPhoneme", () => {
  it.each(["ˈɑː", "a", "æ", "ʌ"])("opens the jaw for %s", (ipa) => {
    expect(shapesForPhoneme(ipa)[0]?.open).toBeGreaterThanOrEqual(0.7);
  });

  it.each(["iː", "ɪ", "e"])("spreads the lips for %s", (ipa) => {
    expect(shapesForPhoneme(ipa)[0]?.wide).toBeGreaterThanOrEqual(0.6);
  });

  it.each(["uː", "ʊ", "w", "ˈɔ"])("rounds the lips for %s", (ipa) => {
    expect(shapesForPhoneme(ipa)[0]?.round).toBeGreaterThanOrEqual(0.6);
  });

  it.each(["m", "b", "p"])("closes the lips for %s", (ipa) => {
    expect(shapesForPhoneme(ipa)).toEqual([expect.objectContaining({ open: 0 })]);
  });

  it("nearly closes them for f and v", () => {
    for (const ipa of ["f", "v"]) {
      const [shape] = shapesForPhoneme(ipa);
      expect(shape?.open).toBeGreaterThan(0);
      expect(shape?.open).toBeLessThan(0.1);
    }
  });

  it("glides through a diphthong: aɪ opens then spreads, aʊ opens then rounds", () => {
    const [ahI, ee] = shapesForPhoneme("ˈaɪ");
    expect(ahI?.open).toBeGreaterThan(0.7);
    expect(ee?.wide).toBeGreaterThan(ahI?.wide ?? 1);
    const [ahU, oo] = shapesForPhoneme("aʊ");
    expect(oo?.round).toBeGreaterThan(ahU?.round ?? 1);
  });

  it("rests for espeak's pause", () => {
    expect(shapesForPhoneme("")).toEqual([MOUTH_AT_REST]);
  });
});
