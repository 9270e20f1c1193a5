// LemonSlice's photoreal face (lemonslice.com): our brain, their renderer. The brain attaches it
// with LiveKit's own plugin, which asks LemonSlice's API to send an avatar into the room; the
// avatar speaks what the brain says (LiveKit's avatar protocol). Billed by LemonSlice per minute
// the avatar is in the room; it leaves when the brain does, or after its idle timeout.
import type { FaceManifest } from "../types";

export const lemonslice: FaceManifest = {
  id: "lemonslice",
  name: "LemonSlice",
  portrait: "/faces/lemonslice.svg",
  drawnBy: "LemonSlice's hosted avatar (billed by LemonSlice for each minute it is in the room)",
  hosted: {
    plugin: "@livekit/agents-plugin-lemonslice",
    // LEMONSLICE_API_URL too, optionally (the plugin's default is LemonSlice's own).
    variables: ["LEMONSLICE_API_KEY", "LEMONSLICE_AGENT_ID or LEMONSLICE_AGENT_IMAGE_URL"],
  },
};
