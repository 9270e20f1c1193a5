import { describe, expect, it } from "vitest";

import { MOUTH_AT_REST } from "./face/mouth-shape";

import { LoudnessMouth, MouthTimeline } from "./mouth-timeline";

const OPEN = { open: 0.6, wide: 0.3, round: 0 };
const ROUND = { open: 0.3, wide: 0.1, round: 0.8 };

describe("the mouth timeline", () => {
  it("is at rest until playback starts, then follows the frames in the order played", () => {
    const timeline = new MouthTimeline();
    timeline.append(20, OPEN);
    timeline.append(20, ROUND);
    expect(timeline.shapeAt(1_000)).toEqual(MOUTH_AT_REST);
    timeline.start(1_000);
    expect(timeline.shapeAt(1_005)).toEqual(OPEN);
    expect(timeline.shapeAt(1_025)).toEqual(ROUND);
    expect(timeline.shapeAt(1_045)).toEqual(MOUTH_AT_REST);
  });

  it("rests while the voice ran dry, then follows it again rather than run ahead", () => {
    const timeline = new MouthTimeline();
    timeline.start(1_000);
    timeline.append(20, OPEN, 1_000);
    timeline.append(20, OPEN, 1_020);
    // The next frame came late: the voice was silent from 1040 to 1100.
    timeline.append(20, ROUND, 1_100);
    expect(timeline.shapeAt(1_030)).toEqual(OPEN);
    expect(timeline.shapeAt(1_060)).toEqual(MOUTH_AT_REST);
    expect(timeline.shapeAt(1_105)).toEqual(ROUND);
    // A few ms late is timer jitter, not a gap.
    timeline.append(20, OPEN, 1_125);
    expect(timeline.shapeAt(1_122)).toEqual(OPEN);
  });

  it("rests the moment it is cleared (speech interrupted)", () => {
    const timeline = new MouthTimeline();
    timeline.append(1_000, OPEN);
    timeline.start(0);
    expect(timeline.shapeAt(10)).toEqual(OPEN);
    timeline.clear();
    expect(timeline.shapeAt(20)).toEqual(MOUTH_AT_REST);
  });
});

describe("a mouth from loudness", () => {
  const frame = (amplitude: number) =>
    Int16Array.from({ length: 960 }, (_, i) => Math.round(amplitude * 32767 * Math.sin(i / 5)));

  it("opens with the voice and closes in silence", () => {
    const mouth = new LoudnessMouth();
    expect(mouth.next(frame(0))).toEqual(MOUTH_AT_REST);
    expect(mouth.next(frame(0.5)).open).toBeGreaterThan(0.5);
    let shape = mouth.next(frame(0));
    for (let i = 0; i < 10; i++) shape = mouth.next(frame(0));
    expect(shape).toEqual(MOUTH_AT_REST);
  });
});
