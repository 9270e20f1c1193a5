import "server-only";

import { env, livekitSettings } from "@/lib/env";

import { createEquosProvider, type EquosSettings } from "./equos/provider";
import { createLocalProvider } from "./local/provider";
import type { AvatarProvider } from "./types";

let provider: AvatarProvider | undefined;

/** The avatar provider chosen by AVATAR_PROVIDER. */
export function getProvider(): AvatarProvider {
  provider ??=
    env.AVATAR_PROVIDER === "equos"
      ? createEquosProvider(equosSettings())
      : createLocalProvider(livekitSettings);
  return provider;
}

function equosSettings(): EquosSettings {
  // lib/env.ts has already checked that these combinations are complete.
  const required = (value: string | undefined, name: string) => {
    if (value === undefined) throw new Error(`${name} is not set`);
    return value;
  };
  return {
    apiUrl: env.EQUOS_API_URL,
    apiKey: required(env.EQUOS_API_KEY, "EQUOS_API_KEY"),
    timeoutMs: env.EQUOS_TIMEOUT_MS,
    avatar: env.EQUOS_AVATAR_ID
      ? { id: env.EQUOS_AVATAR_ID }
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
    livekit: livekitSettings.configured ? livekitSettings : undefined,
  };
}
