import "server-only";

import type { AvatarProvider } from "@/lib/providers/types";
import { livekitSettings, providerEnv } from "@/lib/env";

import { variables } from "./manifest";
import { createEquosProvider, type EquosSettings } from "./provider";

const env = providerEnv(variables);

/** Equos, when AVATAR_PROVIDER=equos or the ledger holds Equos sessions and it is configured. */
export function createProvider(): AvatarProvider | null {
  try {
    return createEquosProvider(equosSettings());
  } catch {
    return null; // not configured (the manifest's check runs whenever AVATAR_PROVIDER=equos)
  }
}

function equosSettings(): EquosSettings {
  // The manifest has already checked that these combinations are complete.
  const required = <T>(value: T | undefined, name: string): T => {
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
          provider: required(env.EQUOS_AGENT_PROVIDER, "EQUOS_AGENT_PROVIDER"),
          model: env.EQUOS_AGENT_MODEL,
          voice: env.EQUOS_AGENT_VOICE,
        },
  };
}
