// Equos, as the app's configuration, security policy and `npm run dev` see it (see
// ../manifest.ts). Its server code is ./index.ts.
import { z } from "zod";

import { BRAND } from "../../brand";
import type { EnvProblems, EnvValues, ProviderManifest, ProviderServer } from "../manifest";

const httpUrl = z.url({ protocol: /^https?$/ });

/** Variables that choose Equos API v1 (EQUOS_AVATAR_NAME has a default, so it cannot). */
const V1_NAMES = [
  "EQUOS_AVATAR_ID",
  "EQUOS_AVATAR_IMAGE_URL",
  "EQUOS_AGENT_ID",
  "EQUOS_AGENT_PROVIDER",
  "EQUOS_AGENT_MODEL",
  "EQUOS_AGENT_VOICE",
];

export const variables = {
  EQUOS_API_KEY: z.string().min(1).optional(),
  EQUOS_API_URL: httpUrl.default("https://api.equos.ai"),
  /** API v3: the character (made in Equos Studio) that holds the conversations. */
  EQUOS_CHARACTER_ID: z.string().min(1).optional(),
  /** API v1, for older accounts: a pre-created or inline avatar and agent. */
  EQUOS_AVATAR_ID: z.string().min(1).optional(),
  EQUOS_AVATAR_NAME: z.string().min(1).max(64).default(BRAND.avatarName),
  EQUOS_AVATAR_IMAGE_URL: httpUrl.optional(),
  EQUOS_AGENT_ID: z.string().min(1).optional(),
  EQUOS_AGENT_PROVIDER: z.enum(["openai", "gemini", "elevenlabs"]).optional(),
  EQUOS_AGENT_MODEL: z.string().min(1).optional(),
  EQUOS_AGENT_VOICE: z.string().min(1).optional(),
  EQUOS_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(15_000),
};

export const equos = {
  name: "equos" as const,
  variables,
  secrets: ["EQUOS_API_KEY"],
  requestTimeoutMs: (values) => Number(values.EQUOS_TIMEOUT_MS),

  check(values, problems) {
    problems.require("EQUOS_API_KEY", "required when AVATAR_PROVIDER=equos");
    checkVersion(values, problems);
    // A start still in flight must not be taken for a lost one: the sweeper gives a start
    // STARTING_TIMEOUT_SECONDS, so that must outlast Equos's own request time-out.
    if (Number(values.STARTING_TIMEOUT_SECONDS) * 1000 <= Number(values.EQUOS_TIMEOUT_MS)) {
      problems.add(
        "STARTING_TIMEOUT_SECONDS",
        `must be longer than EQUOS_TIMEOUT_MS (${String(values.EQUOS_TIMEOUT_MS)} ms), or a start still in flight is taken for a lost one`,
      );
    }
  },

  csp(values) {
    return {
      // Without our own LiveKit, the browser joins rooms on Equos's LiveKit (Cloud) servers.
      hostsRooms: values.LIVEKIT_URL === undefined,
      imageSources: imageSources(values),
    };
  },

  dev(values) {
    const rooms = values.LIVEKIT_URL
      ? `; rooms are on ${String(values.LIVEKIT_URL)}.`
      : ", and it hosts the rooms.";
    return {
      livekit: false,
      worker: false,
      notes: [
        `AVATAR_PROVIDER=equos: the provider brings the avatar, so no ${BRAND.avatarName} worker is started${rooms}`,
      ],
    };
  },

  load: (): Promise<ProviderServer> => import("./index"),
} satisfies ProviderManifest;

/**
 * Where the avatar's picture may come from: an API v1 avatar's image URL gives its origin. An
 * API v3 character's picture is whatever Equos Studio holds for it, on a host the app learns
 * only at run time from the API, after the build has fixed the policy: any https origin, for
 * images only.
 */
export function imageSources(values: EnvValues): string[] {
  if (values.EQUOS_CHARACTER_ID !== undefined) return ["https:"];
  const url = values.EQUOS_AVATAR_IMAGE_URL;
  return typeof url === "string" && URL.canParse(url) ? [new URL(url).origin] : [];
}

/** Equos speaks API v3 with EQUOS_CHARACTER_ID, v1 with the avatar and agent variables. */
function checkVersion(values: EnvValues, problems: EnvProblems) {
  const v1Set = V1_NAMES.filter((name) => values[name] !== undefined);
  if (values.EQUOS_CHARACTER_ID !== undefined) {
    if (v1Set.length > 0) {
      problems.add(
        "EQUOS_CHARACTER_ID",
        `set either EQUOS_CHARACTER_ID (API v3) or the API v1 variables, not both: unset ${v1Set.join(", ")}`,
      );
    }
    return;
  }
  if (v1Set.length === 0) {
    problems.require(
      "EQUOS_CHARACTER_ID",
      "required when AVATAR_PROVIDER=equos: set EQUOS_CHARACTER_ID (API v3), or the API v1 variables EQUOS_AVATAR_ID (or EQUOS_AVATAR_IMAGE_URL) and EQUOS_AGENT_ID (or EQUOS_AGENT_PROVIDER)",
    );
    return;
  }
  if (values.EQUOS_AVATAR_ID === undefined) {
    problems.require(
      "EQUOS_AVATAR_IMAGE_URL",
      "set EQUOS_AVATAR_ID, or EQUOS_AVATAR_IMAGE_URL for an inline avatar",
    );
  }
  if (values.EQUOS_AGENT_ID === undefined) {
    problems.require(
      "EQUOS_AGENT_PROVIDER",
      "set EQUOS_AGENT_ID, or EQUOS_AGENT_PROVIDER for an inline agent",
    );
  }
}
