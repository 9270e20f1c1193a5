// Anam's face (lib/faces/anam/). Its LiveKit plugin pins LiveKit Agents 1.5.0, so the start calls
// are ours (./vendor-avatar.ts), as its API documents them: a session token for a persona (one
// made in Anam's lab, or one of its avatars with our brain: `CUSTOMER_CLIENT_V1`) carrying the
// LiveKit URL and a token for the avatar, then the engine session started with that token.
import { z } from "zod";

import type { HostedFace } from "./hosted-face";
import { attachVendorAvatar, VendorError } from "./vendor-avatar";

/** The worker's variables for Anam (.env.example documents each). */
export const anamVariables = {
  ANAM_API_KEY: z.string().min(1).optional(),
  /** One of an avatar (shown with our brain) and a persona made in Anam's lab. */
  ANAM_AVATAR_ID: z.string().min(1).max(200).optional(),
  ANAM_PERSONA_ID: z.string().min(1).max(200).optional(),
  ANAM_API_URL: z.url({ protocol: /^https?$/ }).default("https://api.anam.ai"),
};

type AnamSettings = z.infer<z.ZodObject<typeof anamVariables>>;

export const anamFace: HostedFace<AnamSettings> = {
  id: "anam",
  check(values, problem) {
    const { ANAM_API_KEY: key, ANAM_AVATAR_ID: avatar, ANAM_PERSONA_ID: persona } = values;
    if (key === undefined && avatar === undefined && persona === undefined) return false;
    if (!key) problem("ANAM_API_KEY", "is required to show Anam's face");
    if (!avatar === !persona) {
      problem("ANAM_AVATAR_ID", "set exactly one of ANAM_AVATAR_ID and ANAM_PERSONA_ID");
    }
    return Boolean(key) && !avatar !== !persona;
  },
  attach(values, options) {
    const persona = values.ANAM_PERSONA_ID
      ? { personaId: values.ANAM_PERSONA_ID }
      : {
          type: "ephemeral",
          name: "Jeremy",
          avatarId: values.ANAM_AVATAR_ID,
          // The words are our brain's: Anam only draws and voices what it is sent.
          llmId: "CUSTOMER_CLIENT_V1",
        };
    return attachVendorAvatar(
      {
        vendor: "Anam",
        apiUrl: values.ANAM_API_URL,
        identity: `${options.agentIdentity}-anam`,
        start: async (post, livekit) => {
          const session = await post(
            "/v1/auth/session-token",
            { authorization: `Bearer ${values.ANAM_API_KEY}` },
            {
              personaConfig: persona,
              environment: { livekitUrl: livekit.url, livekitToken: livekit.token },
            },
          );
          const sessionToken = (session as { sessionToken?: unknown }).sessionToken;
          if (typeof sessionToken !== "string" || sessionToken === "") {
            throw new VendorError("Anam", 200, "the session-token answer has no sessionToken");
          }
          await post("/v1/engine/session", { authorization: `Bearer ${sessionToken}` }, {});
        },
      },
      options,
    );
  },
};
