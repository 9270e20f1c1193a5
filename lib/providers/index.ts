import "server-only";

import { env, livekitSettings } from "@/lib/env";

import { createEquosProvider, type AvatarLook, type EquosSettings } from "./equos/provider";
import { createLocalProvider } from "./local/provider";
import type { AvatarProvider } from "./types";

export type { AvatarLook } from "./equos/provider";

const providers = new Map<string, AvatarProvider | null>();
let equosLook: (() => Promise<AvatarLook>) | undefined;

/** The avatar provider chosen by AVATAR_PROVIDER: the one new sessions start with. */
export function getProvider(): AvatarProvider {
  const provider = getProviderNamed(env.AVATAR_PROVIDER);
  if (!provider) throw new Error(`AVATAR_PROVIDER=${env.AVATAR_PROVIDER} is not configured`);
  return provider;
}

/**
 * The provider a session was started with, if this deployment can still reach it: a ledger
 * may hold sessions started under another AVATAR_PROVIDER, and each must be stopped by its
 * own provider. Undefined when that provider is not configured here.
 */
export function getProviderNamed(name: string): AvatarProvider | undefined {
  if (!providers.has(name)) providers.set(name, createProvider(name));
  return providers.get(name) ?? undefined;
}

function createProvider(name: string): AvatarProvider | null {
  if (name === "local") {
    // Anywhere but production the local dev server's defaults are a configuration of their own.
    const usable = livekitSettings.configured || env.NODE_ENV !== "production";
    return usable ? createLocalProvider(livekitSettings) : null;
  }
  if (name === "equos") {
    try {
      const equos = createEquosProvider(equosSettings());
      equosLook = () => equos.look();
      return equos;
    } catch {
      return null; // not configured (lib/env.ts checks it whenever AVATAR_PROVIDER=equos)
    }
  }
  return null;
}

/** How long the landing page waits for the avatar's look before it shows the drawn Jeremy. */
const LOOK_WAIT_MS = 1_500;

/**
 * The name and picture of a provider's own avatar (an Equos character), or null for our drawn
 * Jeremy: also when the provider cannot say quickly, so that the page never waits on it long.
 */
export async function getAvatarLook(): Promise<AvatarLook | null> {
  if (env.AVATAR_PROVIDER !== "equos") return null;
  getProvider();
  if (!equosLook) return null;
  const lookOf = equosLook;
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
