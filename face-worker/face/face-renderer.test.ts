import { describe, expect, it } from "vitest";

import { createFaceRenderer } from "./face-renderer";
import { NEUTRAL_POSE, type Pose } from "./pose";

const SIZE = 512;
const renderer = createFaceRenderer(SIZE);

function frame(changes: Partial<Pose> = {}): Uint8Array {
  // Copy, so later renders cannot change what a test holds.
  return renderer.render({ ...NEUTRAL_POSE, ...changes }).slice();
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const MOUTH: Box = { x0: 200, y0: 270, x1: 312, y1: 350 };
const EYES: Box = { x0: 180, y0: 195, x1: 332, y1: 245 };
const FOREHEAD_UP: Box = { x0: 0, y0: 0, x1: SIZE, y1: 250 };

// Counts pixels inside `box` whose colour differs noticeably between two frames.
function changed(a: Uint8Array, b: Uint8Array, box: Box): number {
  let count = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const i = (y * SIZE + x) * 4;
      const delta =
        Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
      if (delta > 24) count++;
    }
  }
  return count;
}

describe("createFaceRenderer", () => {
  it("returns exactly one opaque 512 × 512 RGBA frame", () => {
    const pixels = frame();
    expect(pixels.length).toBe(512 * 512 * 4);
    for (let i = 3; i < pixels.length; i += 4 * 97) expect(pixels[i]).toBe(255);
  });

  it("draws the same pose to the same pixels", () => {
    const pose: Partial<Pose> = { headX: 3.2, headRoll: 0.04, gazeX: 0.3, eyeOpen: 0.6 };
    const first = frame(pose);
    const second = frame(pose);
    expect(Buffer.compare(first, second)).toBe(0);
    expect(Buffer.compare(first, frame({ ...pose, headX: 3.3 }))).not.toBe(0);
  });

  it("opens the mouth in the mouth region only", () => {
    const closed = frame();
    const open = frame({ mouth: { open: 0.9, wide: 0.4, round: 0 } });
    expect(changed(closed, open, MOUTH)).toBeGreaterThan(1_000);
    expect(changed(closed, open, FOREHEAD_UP)).toBe(0);
  });

  it("draws wide and round mouths differently", () => {
    const ee = frame({ mouth: { open: 0.3, wide: 1, round: 0 } });
    const oo = frame({ mouth: { open: 0.3, wide: 0, round: 1 } });
    expect(changed(ee, oo, MOUTH)).toBeGreaterThan(600);
  });

  it("closes the eyes for a blink", () => {
    const open = frame();
    const shut = frame({ eyeOpen: 0 });
    expect(changed(open, shut, EYES)).toBeGreaterThan(800);
    expect(changed(open, shut, MOUTH)).toBe(0);
  });

  it("moves the irises with the gaze", () => {
    expect(changed(frame(), frame({ gazeX: 0.8 }), EYES)).toBeGreaterThan(150);
  });

  it("shows the listening look", () => {
    const listening = frame({ browRaise: 0.55, headPitch: 0.3, headRoll: 0.06, smile: 0.5 });
    expect(changed(frame(), listening, EYES)).toBeGreaterThan(500);
  });

  it("rejects a size it cannot draw", () => {
    expect(() => createFaceRenderer(0)).toThrow(RangeError);
    expect(() => createFaceRenderer(100.5)).toThrow(RangeError);
  });
});
