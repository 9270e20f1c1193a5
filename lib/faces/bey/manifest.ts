// Beyond Presence's photoreal face (bey.dev): our brain, their renderer. The brain starts its
// avatar with Beyond Presence's API (a call of our own: its LiveKit plugin pins an older LiveKit
// Agents) and sends it its speech (LiveKit's avatar protocol). Billed per minute of the session.
import type { FaceManifest } from "../types";

export const bey: FaceManifest = {
  id: "bey",
  name: "Beyond Presence",
  portrait: "/faces/bey.svg",
  drawnBy:
    "Beyond Presence's hosted avatar (billed by Beyond Presence for each minute of its session)",
  hosted: {
    plugin: "our own start call (Beyond Presence's plugin pins @livekit/agents 1.4.2)",
    variables: ["BEY_API_KEY", "BEY_AVATAR_ID"],
  },
};
