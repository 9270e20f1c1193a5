// Anam's photoreal face (anam.ai): our brain, their renderer. The brain starts Anam's avatar with
// Anam's API (a call of our own: Anam's LiveKit plugin pins an older LiveKit Agents) and sends it
// its speech (LiveKit's avatar protocol). Billed by Anam per minute of the session.
import type { FaceManifest } from "../types";

export const anam: FaceManifest = {
  id: "anam",
  name: "Anam",
  portrait: "/faces/anam.svg",
  drawnBy: "Anam's hosted avatar (billed by Anam for each minute of its session)",
  hosted: {
    plugin: "our own start call (Anam's plugin pins @livekit/agents 1.5.0)",
    variables: ["ANAM_API_KEY", "ANAM_AVATAR_ID or ANAM_PERSONA_ID"],
  },
};
