// What a provider declares about itself, for the parts of the app that run before (or without)
// its server code: environment validation (lib/env.ts, which next.config.mjs loads), the
// Content-Security-Policy and `npm run dev`. Its folder's manifest.ts exports one; the registry
// (./registry.ts) lists it on one line. Manifests are plain: relative imports, no "server-only".
import type { z } from "zod";

import type { AvatarProvider } from "./types";

/** The environment as lib/env.ts has parsed it (defaults applied). */
export type EnvValues = Record<string, unknown>;

/** How a manifest reports a problem with the environment; each names the variable to fix. */
export interface EnvProblems {
  /** The variable must be set, for the reason given. */
  require(name: string, why: string): void;
  add(name: string, message: string): void;
}

export interface ProviderManifest {
  /** The AVATAR_PROVIDER value that selects it. */
  readonly name: string;
  /** The AVATAR_PROVIDER when none is set (one provider says so; else the first by name). */
  readonly isDefault?: boolean;
  /** The variables only this provider reads, each documented in .env.example. */
  readonly variables: Record<string, z.ZodType>;
  /** Of those, secrets the ledger's address hashing may be salted with (lib/env.ts). */
  readonly secrets?: readonly string[];
  /**
   * How long one request to the provider may take before it is given up (its stop's retry
   * budget, attempts × this, must fit in the stop claim's lease: lib/env.ts checks).
   */
  requestTimeoutMs?(values: EnvValues): number;
  /** Rules across variables, checked when AVATAR_PROVIDER names this provider. */
  check(values: EnvValues, problems: EnvProblems): void;
  /**
   * What the page's Content-Security-Policy must allow: whether the provider hosts the rooms
   * (on LiveKit Cloud) rather than the LiveKit at LIVEKIT_URL, and where the avatar's picture
   * may come from.
   */
  csp(values: EnvValues): { hostsRooms: boolean; imageSources: string[] };
  /**
   * What `npm run dev` starts beside Next for this provider: a local LiveKit server, and the
   * avatar worker (see scripts/lib/dev-plan.mjs). Notes are printed for the developer.
   */
  dev(values: EnvValues): { livekit: boolean; worker: boolean; notes: string[] };
  /** The provider's server code (its index.ts), loaded when the app first needs it. */
  load(): Promise<ProviderServer>;
}

/** What a provider's server code exports. */
export interface ProviderServer {
  /** The provider, or null when this deployment has not configured it. */
  createProvider(): AvatarProvider | null;
}
