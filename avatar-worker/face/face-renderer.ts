// Renders poses to raw RGBA frames for the video track. The backdrop is painted once and copied
// in; everything else is a few dozen vector fills, cheap next to reading the pixels back.

import { createCanvas, type Canvas } from "@napi-rs/canvas";

import { createBackdrop } from "./draw-backdrop";
import { drawPose } from "./draw-pose";
import { FRAME } from "./layout";
import type { Pose } from "./pose";

export interface FaceRenderer {
  readonly width: number;
  readonly height: number;
  /** Draws `pose` and returns its RGBA pixels (width × height × 4, top-left origin, row-major). */
  render(pose: Pose): Uint8ClampedArray;
  /** The canvas the last pose was drawn on, e.g. to encode it as an image. */
  readonly canvas: Canvas;
}

/** Creates a renderer that draws square frames of `size` pixels (512 for video). */
export function createFaceRenderer(size = FRAME): FaceRenderer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  const backdrop = createBackdrop(size);
  const scale = size / FRAME;
  return {
    width: size,
    height: size,
    canvas,
    render(pose) {
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(backdrop, 0, 0);
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      drawPose(ctx, pose);
      const pixels = canvas.data();
      return new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.byteLength);
    },
  };
}
