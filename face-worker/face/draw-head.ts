// The head shape, ears, cheeks and nose, in head coordinates (origin between the eyes, 512 scale).

import { type Ctx, fillEllipse } from "./layout";
import { PALETTE } from "./palette";

/** Traces the outline of the face; `jaw` drops the chin by that many pixels as the mouth opens. */
export function traceHead(ctx: Ctx, jaw: number): void {
  const chin = 123 + jaw;
  ctx.beginPath();
  ctx.moveTo(0, -134);
  ctx.bezierCurveTo(64, -134, 101, -94, 101, -30);
  ctx.bezierCurveTo(101, 12, 98, 44, 87, 72 + jaw * 0.4);
  ctx.bezierCurveTo(72, 104 + jaw, 38, chin, 0, chin);
  ctx.bezierCurveTo(-38, chin, -72, 104 + jaw, -87, 72 + jaw * 0.4);
  ctx.bezierCurveTo(-98, 44, -101, 12, -101, -30);
  ctx.bezierCurveTo(-101, -94, -64, -134, 0, -134);
  ctx.closePath();
}

/** Draws the ears; `shift` moves them against the head's turn. */
export function drawEars(ctx: Ctx, shift: number): void {
  for (const side of [-1, 1]) {
    const cx = side * 99 + shift;
    ctx.fillStyle = PALETTE.skin;
    fillEllipse(ctx, cx, 16, 16, 27, side * 0.12);
    ctx.strokeStyle = PALETTE.skinShadow;
    ctx.lineWidth = 4;
    ctx.lineCap = "round";
    ctx.beginPath();
    ctx.moveTo(cx + side * 2, 2);
    ctx.quadraticCurveTo(cx + side * 11, 14, cx + side * 2, 32);
    ctx.stroke();
  }
}

/** Fills the face and its soft shading. */
export function drawFace(ctx: Ctx, jaw: number, yaw: number): void {
  ctx.fillStyle = PALETTE.skin;
  traceHead(ctx, jaw);
  ctx.fill();
  ctx.save();
  ctx.clip();
  // Light from the upper right: a soft shadow down the far side of the face.
  ctx.fillStyle = PALETTE.skinShadow;
  ctx.globalAlpha = 0.35;
  fillEllipse(ctx, -128 - yaw * 10, 20, 46, 150, 0);
  ctx.restore();
}

/** Draws blush on the cheeks; `smile` lifts and warms them. */
export function drawCheeks(ctx: Ctx, smile: number): void {
  ctx.fillStyle = PALETTE.blush;
  for (const side of [-1, 1]) {
    fillEllipse(ctx, side * 56, 44 - smile * 4, 17, 11, 0);
  }
}

/** Draws the nose as a soft tip with nostrils. */
export function drawNose(ctx: Ctx): void {
  ctx.strokeStyle = PALETTE.skinShadow;
  ctx.lineWidth = 4;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(-6, 4);
  ctx.quadraticCurveTo(-10, 24, -8, 32);
  ctx.stroke();
  ctx.fillStyle = PALETTE.skinShadow;
  fillEllipse(ctx, 0, 38, 15, 9, 0);
  ctx.fillStyle = PALETTE.skinLight;
  fillEllipse(ctx, 2, 34, 8, 5, 0);
  ctx.fillStyle = PALETTE.skinDeep;
  for (const side of [-1, 1]) {
    fillEllipse(ctx, side * 7, 43, 4, 2.2, side * 0.3);
  }
}
