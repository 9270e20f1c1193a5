// The still portrait of Jeremy for the landing page, drawn by the same renderer as the video.

import { createFaceRenderer } from "./face-renderer";
import { NEUTRAL_POSE, type Pose } from "./pose";

/** Jeremy's portrait pose: at rest, looking at the viewer, smiling a little more than usual. */
export const PORTRAIT_POSE: Pose = { ...NEUTRAL_POSE, smile: 0.55, browRaise: 0.1 };

/** Renders the neutral, friendly portrait as a PNG `size` × `size` pixels (default 512). */
export async function renderPortrait(size = 512): Promise<Buffer> {
  const renderer = createFaceRenderer(size);
  renderer.draw(PORTRAIT_POSE);
  return renderer.canvas.encode("png");
}
