// Beyond Presence's face (lib/faces/bey/). Its LiveKit plugin pins LiveKit Agents 1.4.2, so the
// start call is ours (./vendor-avatar.ts), as its API documents it: POST /v1/session with the
// avatar's id, the LiveKit URL and a token for the avatar; the key in `x-api-key`.
import { z } from "zod";

import type { HostedFace } from "./hosted-face";
import { attachVendorAvatar } from "./vendor-avatar";

/** The worker's variables for Beyond Presence (.env.example documents each). */
export const beyVariables = {
  BEY_API_KEY: z.string().min(1).optional(),
  /** The avatar to show (Beyond Presence's dashboard, or its stock avatars). */
  BEY_AVATAR_ID: z.string().min(1).max(200).optional(),
  BEY_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.bey.dev"),
};

type BeySettings = z.infer<z.ZodObject<typeof beyVariables>>;

export const beyFace: HostedFace<BeySettings> = {
  id: "bey",
  check(values, problem) {
    if (values.BEY_API_KEY === undefined && values.BEY_AVATAR_ID === undefined) return false;
    if (!values.BEY_API_KEY) problem("BEY_API_KEY", "is required to show Beyond Presence's face");
    if (!values.BEY_AVATAR_ID) problem("BEY_AVATAR_ID", "is required with BEY_API_KEY");
    return Boolean(values.BEY_API_KEY && values.BEY_AVATAR_ID);
  },
  attach(values, options) {
    return attachVendorAvatar(
      {
        vendor: "Beyond Presence",
        apiUrl: values.BEY_API_URL,
        identity: `${options.agentIdentity}-bey`,
        start: async (post, livekit) => {
          await post(
            "/v1/session",
            { "x-api-key": values.BEY_API_KEY! },
            {
              avatar_id: values.BEY_AVATAR_ID,
              livekit_url: livekit.url,
              livekit_token: livekit.token,
            },
          );
        },
      },
      options,
    );
  },
};
