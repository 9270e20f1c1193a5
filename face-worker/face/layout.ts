// Where things sit in the 512 × 512 frame every part is drawn in (smaller outputs scale it).

import type { SKRSContext2D } from "@napi-rs/canvas";

/** The 2D context every drawing function receives. */
export type Ctx = SKRSContext2D;

/** The design size: all coordinates are in pixels of a 512-pixel frame. */
export const FRAME = 512;

/** Centre of the head at rest, roughly between the eyes. */
export const HEAD_X = 256;
export const HEAD_Y = 222;

/** The head turns and nods about a point in the neck, this far below HEAD_Y. */
export const NECK_PIVOT = 120;

/** Fills a whole ellipse (centre, radii, rotation in radians) with the current fill style. */
export function fillEllipse(
  ctx: Ctx,
  x: number,
  y: number,
  rx: number,
  ry: number,
  rotation: number,
) {
  ctx.beginPath();
  ctx.ellipse(x, y, rx, ry, rotation, 0, Math.PI * 2);
  ctx.fill();
}
