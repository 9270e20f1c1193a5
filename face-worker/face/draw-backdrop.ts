// The warm backdrop never changes, so it is painted once per renderer and copied in each frame.

import { createCanvas, type Canvas } from "@napi-rs/canvas";

import { PALETTE } from "./palette";

/** Paints the backdrop at `size` × `size` pixels into a canvas of its own. */
export function createBackdrop(size: number): Canvas {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext("2d");
  ctx.scale(size / 512, size / 512);
  const wash = ctx.createRadialGradient(256, 200, 40, 256, 260, 400);
  wash.addColorStop(0, PALETTE.backdropCentre);
  wash.addColorStop(1, PALETTE.backdropEdge);
  ctx.fillStyle = wash;
  ctx.fillRect(0, 0, 512, 512);
  // A soft halo behind the head lifts it off the backdrop.
  const glow = ctx.createRadialGradient(256, 200, 60, 256, 200, 230);
  glow.addColorStop(0, PALETTE.backdropGlow);
  glow.addColorStop(1, "rgba(255, 245, 225, 0)");
  ctx.fillStyle = glow;
  ctx.fillRect(0, 0, 512, 512);
  return canvas;
}
