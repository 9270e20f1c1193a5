// Jeremy's face: what the worker needs to animate and draw him, and the landing-page portrait.

export {
  createAnimator,
  type Animator,
  type AnimatorInput,
  type AnimatorOptions,
} from "./animator";
export { createFaceRenderer, type FaceRenderer } from "./face-renderer";
export { MOUTH_AT_REST, type MouthKeyframe, type MouthShape } from "./mouth-shape";
export { NEUTRAL_POSE, type Pose } from "./pose";
export { PORTRAIT_POSE, renderPortrait } from "./portrait";
