// The shape of Jeremy's mouth at one instant. Speech produces a timeline of these (from the
// synthesizer's phoneme timing, or from loudness); the renderer draws whatever mix it is given.

export interface MouthShape {
  /** Jaw and lips apart: 0 closed, 1 wide open ("ah"). */
  open: number;
  /** Lips spread sideways: 0 narrow, 1 wide ("ee"). */
  wide: number;
  /** Lips rounded and pushed forward: 0 none, 1 full ("oo"). */
  round: number;
}

export const MOUTH_AT_REST: MouthShape = { open: 0, wide: 0.35, round: 0 };

/** A mouth shape that starts at `atMs` from the start of an utterance. */
export interface MouthKeyframe {
  atMs: number;
  shape: MouthShape;
}
