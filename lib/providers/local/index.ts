import "server-only";

import type { AvatarProvider } from "@/lib/providers/types";
import { env, livekitSettings, providerEnv } from "@/lib/env";

import { local } from "./manifest";
import { createLocalProvider } from "./provider";

/** Our own Jeremy on LiveKit, with the Jeremy worker. To remove: README, "Using only Equos". */
export function createProvider(): AvatarProvider | null {
  // Anywhere but production the local dev server's defaults are a configuration of their own.
  const usable = livekitSettings.configured || env.NODE_ENV !== "production";
  if (!usable) return null;
  const { LIVEKIT_AGENT_NAME } = providerEnv(local.variables);
  return createLocalProvider({ ...livekitSettings, agentName: LIVEKIT_AGENT_NAME });
}
