// Composes the parts into one frame, back to front, in the 512-pixel design space.

import { drawBody } from "./draw-body";
import { drawBrows, drawEyes } from "./draw-eyes";
import { drawBackHair, drawFrontHair } from "./draw-hair";
import { drawCheeks, drawEars, drawFace, drawNose } from "./draw-head";
import { drawMouth, jawDrop } from "./draw-mouth";
import { type Ctx, fillEllipse, HEAD_X, HEAD_Y, NECK_PIVOT } from "./layout";
import type { Pose } from "./pose";
import { PALETTE } from "./palette";

/** Draws everything but the backdrop for `pose`; the context must be scaled to 512 units. */
export function drawPose(ctx: Ctx, pose: Pose): void {
  drawBody(ctx, pose.breath);
  ctx.save();
  ctx.translate(HEAD_X + pose.headX, HEAD_Y + pose.headY + NECK_PIVOT);
  ctx.rotate(pose.headRoll);
  ctx.translate(0, -NECK_PIVOT);
  const jaw = jawDrop(pose.mouth);
  drawChinShadow(ctx, jaw);
  drawBackHair(ctx);
  drawEars(ctx, -pose.headYaw * 6);
  drawFace(ctx, jaw, pose.headYaw);
  // Features slide with turn and nod, more than the outline does: a cheap hint of depth.
  ctx.save();
  ctx.translate(pose.headYaw * 12, pose.headPitch * 10);
  drawCheeks(ctx, pose.smile);
  drawEyes(ctx, pose.eyeOpen, pose.gazeX, pose.gazeY, pose.browRaise);
  drawBrows(ctx, pose.browRaise);
  ctx.translate(pose.headYaw * 3, 0);
  drawNose(ctx);
  drawMouth(ctx, pose.mouth, pose.smile);
  ctx.restore();
  drawFrontHair(ctx, pose.headYaw * 4, jaw);
  ctx.restore();
}

// The jaw's shadow on the neck, drawn before the face so the face covers its top.
function drawChinShadow(ctx: Ctx, jaw: number): void {
  ctx.fillStyle = PALETTE.skinShadow;
  fillEllipse(ctx, 0, 118 + jaw, 46, 30, 0);
}
