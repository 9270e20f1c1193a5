// A short, tidy modern cut: parted on his right, swept across with a little lift at the front.

import { traceHead } from "./draw-head";
import type { Ctx } from "./layout";
import { PALETTE } from "./palette";

/** Draws the hair that shows behind the head, around the crown. */
export function drawBackHair(ctx: Ctx): void {
  ctx.fillStyle = PALETTE.hair;
  ctx.beginPath();
  ctx.moveTo(-100, -20);
  ctx.bezierCurveTo(-112, -90, -94, -150, -4, -160);
  ctx.bezierCurveTo(80, -166, 114, -100, 100, -20);
  ctx.closePath();
  ctx.fill();
}

function traceFrontHair(ctx: Ctx): void {
  ctx.beginPath();
  // Outer edge, over the crown from the left sideburn to the right one, fullest at the quiff.
  ctx.moveTo(-99, 8);
  ctx.bezierCurveTo(-101, -10, -104, -24, -105, -40);
  ctx.bezierCurveTo(-110, -80, -100, -120, -70, -140);
  ctx.bezierCurveTo(-36, -164, 10, -170, 40, -168);
  ctx.bezierCurveTo(70, -170, 100, -150, 104, -112);
  ctx.bezierCurveTo(108, -86, 107, -60, 105, -40);
  ctx.bezierCurveTo(104, -24, 101, -10, 99, 8);
  // Hairline, back from right to left: sideburn, temple, the swept fringe, then the parting.
  ctx.lineTo(96, 8);
  ctx.bezierCurveTo(96, -20, 94, -50, 84, -66);
  ctx.bezierCurveTo(74, -80, 56, -84, 38, -88);
  ctx.bezierCurveTo(14, -92, -10, -104, -28, -110);
  ctx.bezierCurveTo(-40, -108, -52, -96, -66, -86);
  ctx.bezierCurveTo(-86, -74, -96, -48, -96, 8);
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
