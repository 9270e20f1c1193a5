// A short, tidy modern cut: parted on his right, swept across with a little lift at the front.

import { traceHead } from "./draw-head";
import type { Ctx } from "./layout";
import { PALETTE } from "./palette";

/** Draws the hair that shows behind the head, around the crown. */
export function drawBackHair(ctx: Ctx): void {
  ctx.fillStyle = PALETTE.hair;
  ctx.beginPath();
  ctx.moveTo(-104, 0);
  ctx.bezierCurveTo(-116, -80, -94, -150, -4, -160);
  ctx.bezierCurveTo(80, -166, 118, -110, 106, 0);
  ctx.closePath();
  ctx.fill();
}

function traceFrontHair(ctx: Ctx): void {
  ctx.beginPath();
  // Outer edge, over the crown from the left sideburn to the right one, fullest at the quiff.
  ctx.moveTo(-101, 4);
  ctx.bezierCurveTo(-110, -56, -108, -112, -70, -140);
  ctx.bezierCurveTo(-36, -164, 22, -176, 62, -158);
  ctx.bezierCurveTo(100, -140, 112, -90, 102, 4);
  // Hairline, back from right to left: sideburn, temple, the swept fringe, then the parting.
  ctx.lineTo(93, 4);
  ctx.bezierCurveTo(93, -24, 92, -48, 84, -66);
  ctx.bezierCurveTo(74, -80, 56, -84, 38, -88);
  ctx.bezierCurveTo(14, -92, -10, -104, -28, -110);
  ctx.bezierCurveTo(-40, -108, -52, -96, -66, -86);
  ctx.bezierCurveTo(-84, -72, -92, -40, -93, 4);
  ctx.closePath();
}

/** Draws the hair over the forehead, with its shadow; `shift` slides it with the head's turn. */
export function drawFrontHair(ctx: Ctx, shift: number, jaw: number): void {
  ctx.save();
  traceHead(ctx, jaw);
  ctx.clip();
  ctx.translate(shift - 2, 6);
  ctx.globalAlpha = 0.5;
  ctx.fillStyle = PALETTE.skinShadow;
  traceFrontHair(ctx);
  ctx.fill();
  ctx.restore();

  ctx.save();
  ctx.translate(shift, 0);
  ctx.fillStyle = PALETTE.hair;
  traceFrontHair(ctx);
  ctx.fill();
  // Strands of sheen following the sweep, from the parting across to the right.
  ctx.strokeStyle = PALETTE.hairLight;
  ctx.lineCap = "round";
  ctx.lineWidth = 6;
  ctx.beginPath();
  ctx.moveTo(-26, -136);
  ctx.bezierCurveTo(4, -152, 50, -150, 78, -124);
  ctx.stroke();
  ctx.lineWidth = 4;
  ctx.beginPath();
  ctx.moveTo(-10, -118);
  ctx.bezierCurveTo(20, -128, 56, -122, 80, -98);
  ctx.moveTo(-62, -112);
  ctx.quadraticCurveTo(-84, -94, -90, -62);
  ctx.stroke();
  ctx.restore();
}
