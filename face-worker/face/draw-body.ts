// Neck, shoulders and an open-collared shirt. Only breathing moves them.

import { type Ctx, fillEllipse } from "./layout";
import { PALETTE } from "./palette";

/** Draws the neck and shirt; `breath` (0..1) lifts the shoulders a few pixels. */
export function drawBody(ctx: Ctx, breath: number): void {
  const lift = -breath * 3;
  ctx.save();
  ctx.translate(0, lift);
  drawShirt(ctx);
  drawNeck(ctx);
  drawCollar(ctx);
  ctx.restore();
}

function drawShirt(ctx: Ctx): void {
  ctx.fillStyle = PALETTE.shirt;
  ctx.beginPath();
  ctx.moveTo(18, 530);
  ctx.bezierCurveTo(26, 448, 70, 414, 150, 398);
  ctx.lineTo(214, 372);
  ctx.lineTo(298, 372);
  ctx.lineTo(362, 398);
  ctx.bezierCurveTo(442, 414, 486, 448, 494, 530);
  ctx.closePath();
  ctx.fill();
  // Shade the far shoulder, matching the light on the face.
  ctx.save();
  ctx.clip();
  ctx.fillStyle = PALETTE.shirtShadow;
  fillEllipse(ctx, 40, 500, 70, 110, -0.3);
  ctx.restore();
  // Folds where the arms meet the chest, the placket and a breast pocket.
  ctx.strokeStyle = PALETTE.shirtShadow;
  ctx.lineWidth = 5;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  ctx.beginPath();
  ctx.moveTo(112, 468);
  ctx.quadraticCurveTo(120, 494, 116, 520);
  ctx.moveTo(400, 468);
  ctx.quadraticCurveTo(392, 494, 396, 520);
  ctx.moveTo(256, 446);
  ctx.lineTo(256, 520);
  ctx.stroke();
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(306, 470);
  ctx.lineTo(306, 500);
  ctx.quadraticCurveTo(306, 508, 314, 508);
  ctx.lineTo(340, 508);
  ctx.quadraticCurveTo(348, 508, 348, 500);
  ctx.lineTo(348, 470);
  ctx.closePath();
  ctx.stroke();
  ctx.fillStyle = PALETTE.shirtLight;
  for (const y of [474, 504]) {
    ctx.beginPath();
    ctx.arc(264, y, 4, 0, Math.PI * 2);
    ctx.fill();
  }
}

function drawNeck(ctx: Ctx): void {
  // The back of the collar shows either side of the neck.
  ctx.fillStyle = PALETTE.shirtShadow;
  fillEllipse(ctx, 256, 372, 58, 16, 0);
  ctx.fillStyle = PALETTE.skin;
  ctx.beginPath();
  ctx.moveTo(212, 270);
  ctx.lineTo(214, 380);
  ctx.lineTo(256, 448);
  ctx.lineTo(298, 380);
  ctx.lineTo(300, 270);
  ctx.closePath();
  ctx.fill();
}

function drawCollar(ctx: Ctx): void {
  for (const side of [-1, 1]) {
    const x = (dx: number) => 256 + side * dx;
    ctx.fillStyle = PALETTE.shirtShadow;
    flap(ctx, x, 5);
    ctx.fillStyle = PALETTE.shirtLight;
    flap(ctx, x, 0);
  }
}

function flap(ctx: Ctx, x: (dx: number) => number, dy: number): void {
  ctx.beginPath();
  ctx.moveTo(x(40), 362 + dy);
  ctx.lineTo(x(3), 452 + dy);
  ctx.lineTo(x(46), 442 + dy);
  ctx.lineTo(x(66), 392 + dy);
  ctx.closePath();
  ctx.fill();
}
