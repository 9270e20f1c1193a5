import "server-only";

import { env, livekitSettings } from "@/lib/env";

import { createEquosProvider, type EquosSettings } from "./equos/provider";
import { createLocalProvider } from "./local/provider";
import type { AvatarProvider } from "./types";

const providers = new Map<string, AvatarProvider | null>();

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
      return createEquosProvider(equosSettings());
    } catch {
      return null; // not configured (lib/env.ts checks it whenever AVATAR_PROVIDER=equos)
    }
  }
  return null;
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
