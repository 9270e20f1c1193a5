// Renders poses to raw RGBA frames for the video track. The backdrop is painted once and copied
// in; the rest is a few dozen vector fills each frame.

import { createCanvas, type Canvas } from "@napi-rs/canvas";

import { createBackdrop } from "./draw-backdrop";
import { drawPose } from "./draw-pose";
import { FRAME } from "./layout";
import type { Pose } from "./pose";

export interface FaceRenderer {
  /** Width and height of every frame, in pixels. */
  readonly size: number;
  /** The canvas poses are drawn on, e.g. to encode the last one as an image. */
  readonly canvas: Canvas;
  /** Draws `pose` onto the canvas without reading it back. */
  draw(pose: Pose): void;
  /**
   * Draws `pose` and returns its RGBA pixels (size × size × 4, top-left origin, row-major), in a
   * fresh array the caller may keep.
   */
  render(pose: Pose): Uint8Array;
}

/** Creates a renderer that draws square frames of `size` pixels (512 for video). */
export function createFaceRenderer(size = FRAME): FaceRenderer {
  if (!Number.isInteger(size) || size < 16 || size > 4096) {
    throw new RangeError(`Face size must be a whole number of pixels from 16 to 4096, not ${size}`);
  }
  const canvas = createCanvas(size, size);
  // Opaque: every pixel is painted anyway, and reading an opaque surface back skips
  // un-premultiplying alpha (about 8 % of a frame's cost in bench/face-render.ts).
  const ctx = canvas.getContext("2d", { alpha: false });
  const backdrop = createBackdrop(size);
  const scale = size / FRAME;

  function draw(pose: Pose): void {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.drawImage(backdrop, 0, 0);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    drawPose(ctx, pose);
  }

  return {
    size,
    canvas,
    draw,
    render(pose) {
      draw(pose);
      // Opaque pixels: premultiplied RGBA is plain RGBA.
      const pixels = canvas.data();
      return new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
    },
  };
}
