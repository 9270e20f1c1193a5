import { MOUTH_AT_REST, type MouthKeyframe, type MouthShape } from "@/face-worker/face/mouth-shape";

/** The mouth shape `ms` into an utterance: linear between keyframes, at rest outside them. */
export function mouthAt(keyframes: readonly MouthKeyframe[], ms: number): MouthShape {
  const first = keyframes[0];
  if (!first || ms < 0) return MOUTH_AT_REST;
  let low = 0;
  let high = keyframes.length - 1;
  if (ms >= keyframes[high]!.atMs) return keyframes[high]!.shape;
  // The last keyframe at or before `ms`, by binary search: called 25 times a second.
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (keyframes[mid]!.atMs <= ms) low = mid;
    else high = mid - 1;
  }
  const from = keyframes[low]!;
  const to = keyframes[low + 1];
  if (!to || to.atMs === from.atMs) return from.shape;
  const t = (ms - from.atMs) / (to.atMs - from.atMs);
  return {
    open: from.shape.open + (to.shape.open - from.shape.open) * t,
    wide: from.shape.wide + (to.shape.wide - from.shape.wide) * t,
    round: from.shape.round + (to.shape.round - from.shape.round) * t,
  };
}
