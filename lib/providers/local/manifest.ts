// The local avatar (our own Jeremy on LiveKit, drawn and voiced by the Jeremy worker),
// as the app's configuration, security policy and `npm run dev` see it (see ../manifest.ts).
// Its server code is ./index.ts. To remove it: README, "Using only Equos".
import { z } from "zod";

import type { ProviderManifest, ProviderServer } from "../manifest";

/** How long one request to LiveKit's room service may take (provider.ts). */
export const LOCAL_REQUEST_TIMEOUT_MS = 5_000;

export const local = {
  name: "local" as const,
  isDefault: true,
  requestTimeoutMs: () => LOCAL_REQUEST_TIMEOUT_MS,
  variables: {
    /** The agent name the worker registers under: the app dispatches that agent to each room. */
    LIVEKIT_AGENT_NAME: z
      .string()
      .regex(/^[\w-]{1,64}$/)
      .default("jeremy"),
  },

  check(values, problems) {
    if (values.NODE_ENV === "production") {
      // The dev server's key pair is public; a production deployment must bring its own.
      problems.require("LIVEKIT_API_SECRET", "required in production when AVATAR_PROVIDER=local");
    }
    if (values.VERCEL === "1") {
      problems.require(
        "LIVEKIT_URL",
        "required on Vercel with AVATAR_PROVIDER=local: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to your LiveKit (Cloud or your own server), or use AVATAR_PROVIDER=equos",
      );
    }
  },

  csp: () => ({ hostsRooms: false, imageSources: [] }),

  dev(values) {
    const notes = values.LIVEKIT_URL
      ? [
          `Using the LiveKit deployment at ${String(values.LIVEKIT_URL)}; no local LiveKit server started.`,
        ]
      : [];
    return { livekit: !values.LIVEKIT_URL, worker: true, notes };
  },

  load: (): Promise<ProviderServer> => import("./index"),
} satisfies ProviderManifest;
