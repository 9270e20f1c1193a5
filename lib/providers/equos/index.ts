import "server-only";

import { env, livekitSettings } from "@/lib/env";
import type { ProviderModule } from "@/lib/providers/types";

import { createEquosProvider, type EquosSettings } from "./provider";

/** Equos, when AVATAR_PROVIDER=equos or the ledger holds Equos sessions and it is configured. */
export const equos: ProviderModule = {
  name: "equos",
  create() {
    try {
      return createEquosProvider(equosSettings());
    } catch {
      return null; // not configured (lib/env.ts checks it whenever AVATAR_PROVIDER=equos)
    }
  },
};

function equosSettings(): EquosSettings {
  // lib/env.ts has already checked that these combinations are complete.
  const required = (value: string | undefined, name: string) => {
    if (value === undefined) throw new Error(`${name} is not set`);
    return value;
  };
  const common = {
    apiUrl: env.EQUOS_API_URL,
    apiKey: required(env.EQUOS_API_KEY, "EQUOS_API_KEY"),
    timeoutMs: env.EQUOS_TIMEOUT_MS,
    livekit: livekitSettings.configured ? livekitSettings : undefined,
  };
  if (env.EQUOS_CHARACTER_ID) {
    return { ...common, version: "v3", characterId: env.EQUOS_CHARACTER_ID };
  }
  return {
    ...common,
    version: "v1",
    avatar: env.EQUOS_AVATAR_ID
      ? {
          id: env.EQUOS_AVATAR_ID,
          name: env.EQUOS_AVATAR_NAME,
          imageUrl: env.EQUOS_AVATAR_IMAGE_URL,
        }
      : {
          name: env.EQUOS_AVATAR_NAME,
          imageUrl: required(env.EQUOS_AVATAR_IMAGE_URL, "EQUOS_AVATAR_IMAGE_URL"),
        },
    agent: env.EQUOS_AGENT_ID
      ? { id: env.EQUOS_AGENT_ID }
      : {
          provider: required(env.EQUOS_AGENT_PROVIDER, "EQUOS_AGENT_PROVIDER") as
            "openai" | "gemini" | "elevenlabs",
          model: env.EQUOS_AGENT_MODEL,
          voice: env.EQUOS_AGENT_VOICE,
        },
  };
}
