// The mouth, drawn from a MouthShape: open shows the dark inside with teeth and a tongue, wide
// spreads the corners, round purses fuller lips into an "o".

import { type Ctx, fillEllipse } from "./layout";
import type { MouthShape } from "./mouth-shape";
import { PALETTE } from "./palette";
import { clamp } from "./smoothing";

const MOUTH_Y = 76;

/** How far the chin drops, in pixels, for a mouth this open. */
export function jawDrop(mouth: MouthShape): number {
  return clamp(mouth.open, 0, 1) * 12;
}

interface Geometry {
  halfWidth: number;
  cornerY: number;
  upperY: number;
  lowerY: number;
  /** 0 pointed corners (a lens) .. 1 round (an ellipse). */
  roundness: number;
}

function geometry(mouth: MouthShape, smile: number): Geometry {
  const open = clamp(mouth.open, 0, 1);
  const wide = clamp(mouth.wide, 0, 1);
  const round = clamp(mouth.round, 0, 1);
  const gap = open * (32 + 8 * round + 6 * wide);
  return {
    halfWidth: 25 * (1 + 0.45 * wide - 0.48 * round) + smile * 2,
    cornerY: MOUTH_Y - smile * 9 * (1 - round) + open * 3,
    upperY: MOUTH_Y - gap * 0.2,
    lowerY: MOUTH_Y + gap * 0.8,
    roundness: 0.45 + 0.45 * round,
  };
}

// A cubic from one corner to the other whose middle reaches `peakY`.
function arch(ctx: Ctx, g: Geometry, spread: number, peakY: number, leftToRight: boolean): void {
  const w = g.halfWidth + spread;
  const control = g.cornerY + (peakY - g.cornerY) / 0.75;
  const k = g.roundness;
  if (leftToRight) ctx.bezierCurveTo(-w * k, control, w * k, control, w, g.cornerY);
  else ctx.bezierCurveTo(w * k, control, -w * k, control, -w, g.cornerY);
}

function traceOpening(ctx: Ctx, g: Geometry, spread = 0, upper = 0, lower = 0): void {
  ctx.beginPath();
  ctx.moveTo(-g.halfWidth - spread, g.cornerY);
  arch(ctx, g, spread, g.upperY - upper, true);
  arch(ctx, g, spread, g.lowerY + lower, false);
  ctx.closePath();
}

/** Draws the mouth for `mouth`, with corners lifted by `smile` (0..1). */
export function drawMouth(ctx: Ctx, mouth: MouthShape, smile: number): void {
  const g = geometry(mouth, smile);
  const round = clamp(mouth.round, 0, 1);
  const gap = g.lowerY - g.upperY;
  // Lips: thin on top, fuller below, both thicker when pursed.
  ctx.fillStyle = PALETTE.lip;
  traceOpening(ctx, g, 2 + round * 3, 4 + round * 5, 6.5 + round * 6);
  ctx.fill();
  ctx.fillStyle = PALETTE.skinShadow;
  fillEllipse(ctx, 0, g.lowerY + 13 + round * 6, 11 + round * 2, 3, 0);

  if (gap > 1.2) {
    ctx.save();
    traceOpening(ctx, g);
    ctx.fillStyle = PALETTE.mouthInside;
    ctx.fill();
    ctx.clip();
    drawTeeth(ctx, g, mouth, gap);
    ctx.restore();
  }
  ctx.strokeStyle = PALETTE.lipDark;
  ctx.lineWidth = gap > 1.2 ? 2 : 3.4;
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  traceOpening(ctx, g);
  ctx.stroke();
}

function drawTeeth(ctx: Ctx, g: Geometry, mouth: MouthShape, gap: number): void {
  // Pursed lips hide most of the teeth.
  const upperTeeth = Math.min(9, gap * 0.42) * (1 - 0.6 * clamp(mouth.round, 0, 1));
  ctx.fillStyle = PALETTE.teeth;
  // Everything above the upper edge shifted down: a band of teeth that follows the lip.
  ctx.beginPath();
  ctx.moveTo(-g.halfWidth, g.cornerY + upperTeeth);
  arch(ctx, g, 0, g.upperY + upperTeeth, true);
  ctx.lineTo(g.halfWidth, g.upperY - 40);
  ctx.lineTo(-g.halfWidth, g.upperY - 40);
  ctx.closePath();
  ctx.fill();
  const lowerTeeth = Math.min(6, gap * 0.3) * clamp(mouth.wide, 0, 1);
  if (lowerTeeth > 0.5) {
    ctx.beginPath();
    ctx.moveTo(-g.halfWidth, g.cornerY - lowerTeeth);
    arch(ctx, g, 0, g.lowerY - lowerTeeth, true);
    ctx.lineTo(g.halfWidth, g.lowerY + 40);
    ctx.lineTo(-g.halfWidth, g.lowerY + 40);
    ctx.closePath();
    ctx.fill();
  }
  if (gap > 9) {
    ctx.fillStyle = PALETTE.tongue;
    fillEllipse(ctx, 0, g.lowerY + 1, g.halfWidth * 0.62, gap * 0.3, 0);
  }
}
