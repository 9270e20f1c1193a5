// Eyes with irises that follow the gaze, catch-lights, and upper lids that close for blinks.

import type { Ctx } from "./layout";
import { PALETTE } from "./palette";
import { mix } from "./smoothing";

const EYE_X = 40;
const HALF_WIDTH = 21;
const TOP = -14;
const BOTTOM = 11;

/** Draws both eyes: `open` 0 shut..1 open, gaze -1..1, `raise` (brows) widens them a touch. */
export function drawEyes(
  ctx: Ctx,
  open: number,
  gazeX: number,
  gazeY: number,
  raise: number,
): void {
  // A relaxed upper lid rests a little over the iris; attention lifts it.
  const rest = mix(0.16, 0.04, Math.max(0, raise));
  const shut = mix(rest, 1, 1 - open);
  for (const side of [-1, 1]) {
    ctx.save();
    ctx.translate(side * EYE_X, 0);
    drawEye(ctx, shut, gazeX, gazeY);
    ctx.restore();
  }
}

function traceWhite(ctx: Ctx): void {
  ctx.beginPath();
  ctx.moveTo(-HALF_WIDTH, 1);
  ctx.bezierCurveTo(-14, TOP * 1.45, 14, TOP * 1.45, HALF_WIDTH, 1);
  ctx.bezierCurveTo(14, BOTTOM * 1.3, -14, BOTTOM * 1.3, -HALF_WIDTH, 1);
  ctx.closePath();
}

// The lid edge runs from the top of the eye (shut = 0) down to its lower edge (shut = 1).
function lidY(shut: number): number {
  return mix(TOP * 1.45, BOTTOM * 1.3, shut);
}

function drawEye(ctx: Ctx, shut: number, gazeX: number, gazeY: number): void {
  const edge = lidY(shut);
  if (shut < 0.97) {
    ctx.save();
    traceWhite(ctx);
    ctx.fillStyle = PALETTE.eyeWhite;
    ctx.fill();
    ctx.clip();
    const ix = gazeX * 8;
    const iy = gazeY * 5 + 1;
    disc(ctx, ix, iy, 11.5, PALETTE.irisDark);
    disc(ctx, ix, iy, 9.5, PALETTE.iris);
    disc(ctx, ix, iy, 5.2, PALETTE.pupil);
    disc(ctx, ix + 4, iy - 4, 3, PALETTE.eyeWhite);
    disc(ctx, ix - 3.4, iy + 3.6, 1.4, PALETTE.eyeWhite);
    // The upper lid, in skin, from above the eye down to its edge.
    ctx.fillStyle = PALETTE.skin;
    ctx.beginPath();
    ctx.moveTo(-HALF_WIDTH - 2, -30);
    ctx.lineTo(HALF_WIDTH + 2, -30);
    ctx.lineTo(HALF_WIDTH + 2, 1);
    ctx.bezierCurveTo(14, edge, -14, edge, -HALF_WIDTH - 2, 1);
    ctx.closePath();
    ctx.fill();
    ctx.restore();
  }
  // Lash line along the lid edge; the crease above stays put.
  ctx.strokeStyle = PALETTE.lash;
  ctx.lineWidth = 3.6;
  ctx.lineCap = "round";
  ctx.beginPath();
  ctx.moveTo(-HALF_WIDTH - 1, 1.5);
  ctx.bezierCurveTo(-14, edge, 14, edge, HALF_WIDTH + 1, 1.5);
  ctx.stroke();
  ctx.strokeStyle = PALETTE.skinShadow;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(-14, -19);
  ctx.quadraticCurveTo(0, -26, 15, -18);
  ctx.stroke();
  ctx.globalAlpha = 0.5;
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(-9, 17);
  ctx.quadraticCurveTo(0, 19.5, 9, 17);
  ctx.stroke();
  ctx.globalAlpha = 1;
}

function disc(ctx: Ctx, x: number, y: number, r: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fill();
}

/** Draws the eyebrows; `raise` -1..1 lowers or lifts them, the inner ends most. */
export function drawBrows(ctx: Ctx, raise: number): void {
  ctx.fillStyle = PALETTE.brow;
  for (const side of [-1, 1]) {
    const x = (dx: number) => side * dx;
    const lift = raise * 7;
    const inner = -32 - lift - raise * 3;
    const outer = -33 - lift * 0.7;
    // Thick at the inner end, tapering to the outer one, arched in the middle.
    ctx.beginPath();
    ctx.moveTo(x(19), inner + 4);
    ctx.quadraticCurveTo(x(17), inner - 4, x(26), inner - 5);
    ctx.quadraticCurveTo(x(46), -47 - lift, x(63), outer);
    ctx.quadraticCurveTo(x(64), outer + 3, x(60), outer + 2);
    ctx.quadraticCurveTo(x(44), -39 - lift, x(26), inner + 4);
    ctx.closePath();
    ctx.fill();
  }
}
