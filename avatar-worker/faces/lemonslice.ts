// LemonSlice's face (lib/faces/lemonslice/), attached with LiveKit's own plugin: it asks
// LemonSlice's API to send an avatar into the room, with a LiveKit token for it, and points the
// session's speech at that avatar (LiveKit's avatar protocol).
import * as lemonslice from "@livekit/agents-plugin-lemonslice";
import { z } from "zod";

import type { HostedFace } from "./hosted-face";
// The plugin's own default (3 retries of 10 s) could outlast the 20 s the page waits for a face,
// and send an avatar into a room already gone: bounded as our own vendor calls are.
import { VENDOR_CALLS } from "./vendor-avatar";

/** The worker's variables for LemonSlice (.env.example documents each). */
export const lemonsliceVariables = {
  LEMONSLICE_API_KEY: z.string().min(1).optional(),
  /** The LemonSlice agent to show, or the picture to animate: one of the two. */
  LEMONSLICE_AGENT_ID: z.string().min(1).max(200).optional(),
  LEMONSLICE_AGENT_IMAGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** LemonSlice's session API (the plugin's default is LemonSlice's own). */
  LEMONSLICE_API_URL: z.url({ protocol: /^https?$/ }).optional(),
};

type LemonSliceSettings = z.infer<z.ZodObject<typeof lemonsliceVariables>>;

export const lemonsliceFace: HostedFace<LemonSliceSettings> = {
  id: "lemonslice",
  check(values, problem) {
    const { LEMONSLICE_API_KEY: key, LEMONSLICE_AGENT_ID: agent } = values;
    const image = values.LEMONSLICE_AGENT_IMAGE_URL;
    const any = key ?? agent ?? image ?? values.LEMONSLICE_API_URL;
    if (any === undefined) return false;
    if (!key) problem("LEMONSLICE_API_KEY", "is required to show LemonSlice's face");
    if (!agent === !image) {
      problem(
        "LEMONSLICE_AGENT_ID",
        "set exactly one of LEMONSLICE_AGENT_ID and LEMONSLICE_AGENT_IMAGE_URL",
      );
    }
    return Boolean(key) && !agent !== !image;
  },
  attach(values, { livekit, agentIdentity }) {
    const avatar = new lemonslice.AvatarSession({
      apiKey: values.LEMONSLICE_API_KEY,
      ...(values.LEMONSLICE_AGENT_ID
        ? { agentId: values.LEMONSLICE_AGENT_ID }
        : { agentImageUrl: values.LEMONSLICE_AGENT_IMAGE_URL }),
      ...(values.LEMONSLICE_API_URL ? { apiUrl: values.LEMONSLICE_API_URL } : {}),
      avatarParticipantIdentity: `${agentIdentity}-lemonslice`,
      avatarParticipantName: "LemonSlice",
      connOptions: VENDOR_CALLS,
    });
    return {
      avatar,
      start: (session, room) =>
        avatar.start(session, room, {
          livekitUrl: livekit.url,
          livekitApiKey: livekit.apiKey,
          livekitApiSecret: livekit.apiSecret,
        }),
    };
  },
};
