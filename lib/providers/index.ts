import "server-only";

import { BRAND } from "@/lib/brand";
import { env } from "@/lib/env";

import type { ProviderManifest } from "./manifest";
import * as registry from "./registry";
import type { AvatarLook, AvatarProvider } from "./types";

export type { AvatarLook } from "./types";

// Every registered provider's server code, loaded once when this module is first imported.
const factories = new Map(
  await Promise.all(
    Object.values(registry).map(async (manifest: ProviderManifest) => {
      const { createProvider } = await manifest.load();
      return [manifest.name, createProvider] as const;
    }),
  ),
);
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
 * own provider. Undefined when that provider is not configured (or not registered) here.
 */
export function getProviderNamed(name: string): AvatarProvider | undefined {
  if (!providers.has(name)) providers.set(name, factories.get(name)?.() ?? null);
  return providers.get(name) ?? undefined;
}

/** How long the landing page waits for the avatar's look before it shows the drawn one. */
const LOOK_WAIT_MS = 1_500;

/**
 * The name and picture of a provider's own avatar (an Equos character), or null for the drawn
 * one: also when the provider cannot say quickly, so that the page never waits on it long.
 */
export async function getAvatarLook(): Promise<AvatarLook | null> {
  const provider = getProviderNamed(env.AVATAR_PROVIDER);
  if (!provider?.look) return null;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), LOOK_WAIT_MS);
  });
  try {
    return await Promise.race([provider.look(), late]);
  } catch (error) {
    console.error(
      `Could not read the avatar's name and picture; showing ${BRAND.avatarName}`,
      error,
    );
    return null;
  } finally {
    clearTimeout(timer);
  }
}
