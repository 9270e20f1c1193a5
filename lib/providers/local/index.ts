import "server-only";

import { env, livekitSettings } from "@/lib/env";
import type { ProviderModule } from "@/lib/providers/types";

import { createLocalProvider } from "./provider";

/** Our own Jeremy on LiveKit, with the Jeremy worker. To remove: README, "Using only Equos". */
export const local: ProviderModule = {
  name: "local",
  create() {
    // Anywhere but production the local dev server's defaults are a configuration of their own.
    const usable = livekitSettings.configured || env.NODE_ENV !== "production";
    return usable ? createLocalProvider(livekitSettings) : null;
  },
};
