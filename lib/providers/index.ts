import "server-only";

import { env, livekitSettings } from "@/lib/env";

import { createEquosProvider, type AvatarLook, type EquosSettings } from "./equos/provider";
import { createLocalProvider } from "./local/provider";
import type { AvatarProvider } from "./types";

export type { AvatarLook } from "./equos/provider";

let provider: AvatarProvider | undefined;
let lookOf: (() => Promise<AvatarLook>) | undefined;

/** The avatar provider chosen by AVATAR_PROVIDER. */
export function getProvider(): AvatarProvider {
  if (provider) return provider;
  if (env.AVATAR_PROVIDER === "equos") {
    const equos = createEquosProvider(equosSettings());
    lookOf = () => equos.look();
    provider = equos;
  } else {
    provider = createLocalProvider(livekitSettings);
  }
  return provider;
}

/** How long the landing page waits for the avatar's look before it shows the drawn Jeremy. */
const LOOK_WAIT_MS = 1_500;

/**
 * The name and picture of a provider's own avatar (an Equos character), or null for our drawn
 * Jeremy: also when the provider cannot say quickly, so that the page never waits on it long.
 */
export async function getAvatarLook(): Promise<AvatarLook | null> {
  getProvider();
  if (!lookOf) return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOOK_WAIT_MS);
  });
  try {
    return await Promise.race([lookOf(), late]);
  } catch (error) {
    console.error("Could not read the avatar's name and picture; showing Jeremy", error);
    return null;
  } finally {
    clearTimeout(timer);
  }
}

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
