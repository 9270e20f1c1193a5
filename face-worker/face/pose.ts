// Everything the renderer needs to draw one frame. The animator produces these; the renderer is
// a pure function of them, so the same pose always gives the same pixels.

import { MOUTH_AT_REST, type MouthShape } from "./mouth-shape";

export interface Pose {
  /** Head offset from its rest position, in pixels of a 512-pixel frame. */
  headX: number;
  headY: number;
  /** Head roll in radians; positive tips the top of the head to Jeremy's left (viewer's right). */
  headRoll: number;
  /** Head turn, -1 (towards viewer's left) to 1 (right); shifts the features for a hint of depth. */
  headYaw: number;
  /** Head pitch, -1 (chin up) to 1 (chin down, a nod). */
  headPitch: number;
  /** Chest rise from breathing, 0 (out) to 1 (in). */
  breath: number;
  /** How open the eyelids are, 0 shut to 1 fully open. */
  eyeOpen: number;
  /** Where the eyes look, -1..1 each way; 0,0 is straight at the viewer. */
  gazeX: number;
  gazeY: number;
  /** Eyebrows, -1 lowered to 1 raised. */
  browRaise: number;
  /** Smile at the mouth corners and cheeks, 0 neutral to 1 broad. */
  smile: number;
  mouth: MouthShape;
}

/** Jeremy at rest: looking at the viewer with a slight, friendly smile. */
export const NEUTRAL_POSE: Pose = {
  headX: 0,
  headY: 0,
  headRoll: 0,
  headYaw: 0,
  headPitch: 0,
  breath: 0,
  eyeOpen: 1,
  gazeX: 0,
  gazeY: 0,
  browRaise: 0,
  smile: 0.35,
  mouth: MOUTH_AT_REST,
};
