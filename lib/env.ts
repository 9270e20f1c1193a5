// The one place that reads the environment. Everything else receives these values.
// next.config.mjs imports this file, so a bad variable fails `next build` and `next start`
// with a message that names it. With nothing set, the app runs on its embedded defaults:
// the local avatar, a LiveKit dev server on this machine and an embedded PGlite database.
import { createHash } from "node:crypto";

import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

// Relative imports: next.config.mjs loads this file without path aliases.
import type { AddressTrust } from "./http/client-address";
import type { EnvProblems, EnvValues, ProviderManifest } from "./providers/manifest";
import * as registry from "./providers/registry";
import { CLAIM_LEASE_MS, stopRetryBudgetMs } from "./sessions/stop-budget";

const whole = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalWhole = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional();

/** "https://a.example, https://b.example/" → their origins; an issue for anything else. */
/**
 * COST_PER_MINUTE: one price for every provider ("0.12") or one per provider
 * ("equos=0.12,local=0"), in whatever currency the operator thinks in.
 */
function toCosts(value: string, ctx: z.RefinementCtx): Record<string, number> {
  const costs: Record<string, number> = {};
  for (const item of value.split(",").map((part) => part.trim())) {
    const [name, price] = item.includes("=") ? item.split("=") : ["*", item];
    const number = Number(price);
    if (!name || !price || !Number.isFinite(number) || number < 0) {
      ctx.addIssue({
        code: "custom",
        message: `"${item}" is not a price like 0.12 or equos=0.12`,
      });
      return {};
    }
    costs[name.trim()] = number;
  }
  return costs;
}

function toOrigins(value: string, ctx: z.RefinementCtx): string[] {
  const origins: string[] = [];
  for (const item of value.split(",").map((part) => part.trim())) {
    const url = URL.canParse(item) ? new URL(item) : null;
    if (!url || !["http:", "https:"].includes(url.protocol)) {
      ctx.addIssue({
        code: "custom",
        message: `"${item}" is not an origin like https://example.com`,
      });
      return [];
    }
    origins.push(url.origin);
  }
  return origins;
}

/** "intranet.example, 10.0.0.5" → lower-case host names, as a URL writes them. */
function toHosts(value: string, ctx: z.RefinementCtx): string[] {
  const hosts = value.split(",").map((part) => part.trim().toLowerCase());
  for (const host of hosts) {
    if (!URL.canParse(`http://${host}/`) || new URL(`http://${host}/`).hostname !== host) {
      ctx.addIssue({ code: "custom", message: `"${host}" is not a host name like wiki.internal` });
      return [];
    }
  }
  return hosts;
}

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
  .optional();

const livekitUrl = z.url({ protocol: /^(wss?|https?)$/ });

/** The registered avatar providers (lib/providers/registry.ts). */
const manifests: ProviderManifest[] = Object.values(registry);
const providerNames = manifests.map((manifest) => manifest.name) as [string, ...string[]];
const defaultProvider = (manifests.find((manifest) => manifest.isDefault) ?? manifests[0]!).name;

/** The app's own variables. */
const appVariables = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),

  AVATAR_PROVIDER: z.enum(providerNames).default(defaultProvider),
  SESSION_MAX_DURATION_SECONDS: whole(600, 10, 4 * 60 * 60),
  /** How long the page waits for the avatar to appear before giving up (avatar_timeout). */
  AVATAR_JOIN_TIMEOUT_SECONDS: whole(20, 3, 120),

  DATABASE_URL: postgresUrl,
  /**
   * A direct (unpooled) connection for migrations, when DATABASE_URL goes through a pooler.
   * DATABASE_URL_UNPOOLED is the name Vercel's Neon integration sets; DIRECT_URL is Prisma's.
   */
  DATABASE_URL_UNPOOLED: postgresUrl,
  DIRECT_URL: postgresUrl,
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),

  LIVEKIT_URL: livekitUrl.optional(),
  LIVEKIT_API_KEY: z.string().min(1).optional(),
  LIVEKIT_API_SECRET: z.string().min(1).optional(),
  PROVIDER_STOP_ATTEMPTS: whole(3, 1, 10),
  /** Abuse limits: unset means the NODE_ENV default in `startLimits` below; 0 turns one off. */
  START_LIMIT_PER_CLIENT: optionalWhole(0, 10_000),
  START_LIMIT_WINDOW_SECONDS: whole(600, 1, 24 * 60 * 60),
  MAX_ACTIVE_SESSIONS: optionalWhole(0, 10_000),
  DAILY_SESSION_SECONDS: optionalWhole(0, 100_000_000),
  /** A fair share: conversations one client may hold at once, and its share of the day. */
  MAX_SESSIONS_PER_CLIENT: optionalWhole(0, 10_000),
  DAILY_SESSION_SECONDS_PER_CLIENT: optionalWhole(0, 100_000_000),

  /** The sweeper: what counts as abandoned, and how often it looks. */
  HEARTBEAT_TIMEOUT_SECONDS: whole(45, 1, 60 * 60),
  STARTING_TIMEOUT_SECONDS: whole(60, 1, 60 * 60),
  MAX_DURATION_GRACE_SECONDS: whole(30, 0, 60 * 60),
  /** How long a paused conversation may be resumed before the sweeper ends it (pause_expired). */
  PAUSE_MAX_SECONDS: whole(600, 10, 24 * 60 * 60),
  SWEEP_INTERVAL_SECONDS: whole(10, 0, 60 * 60),
  /**
   * How sweeps are started: `timer` (an in-process timer: long-running servers) or `requests`
   * (after responses, at most once per interval across instances: serverless). Default:
   * `requests` on Vercel, `timer` elsewhere.
   */
  SWEEP_MODE: z.enum(["timer", "requests"]).optional(),
  /** Set by Vercel on its builds and functions. */
  VERCEL: z.string().optional(),
  STOP_RETRY_BASE_SECONDS: whole(10, 1, 60 * 60),
  STOP_RETRY_MAX_SECONDS: whole(600, 1, 24 * 60 * 60),
  CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),

  /** Public origin(s) of the app, comma-separated, when a proxy changes the Host header. */
  APP_ORIGIN: z.string().transform(toOrigins).optional(),
  /** Extra sources the page may connect to (CSP connect-src), space-separated. */
  CSP_CONNECT_SRC: z
    .string()
    .regex(
      /^[\w\-.:/*]+( [\w\-.:/*]+)*$/,
      "must be space-separated sources such as wss://*.example.com",
    )
    .optional(),
  ADMIN_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  /** For the operator page's cost estimate: "0.12", or per provider "equos=0.12,local=0". */
  COST_PER_MINUTE: z.string().transform(toCosts).optional(),
  /**
   * The header a proxy in front of the app puts the client's address in. Unset: X-Forwarded-For
   * when TRUSTED_PROXY_COUNT is set, Vercel's x-vercel-forwarded-for on Vercel, else the socket.
   */
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a lower-case header name")
    .optional(),
  /** Proxies in front of the app that append to X-Forwarded-For (the client's entry is this many from the right). */
  TRUSTED_PROXY_COUNT: optionalWhole(1, 10),
  /** Hosts the server may fetch knowledge pages from though their addresses are private. */
  KNOWLEDGE_ALLOWED_HOSTS: z.string().transform(toHosts).optional(),
  /** The only hosts operator tools may call (lib/tools/). */
  TOOL_ALLOWED_HOSTS: z.string().transform(toHosts).optional(),
  /** Salt for the hashed client addresses in the ledger; unset: derived from a configured secret. */
  SESSION_HASH_SALT: z.string().min(16, "must be at least 16 characters").optional(),
};

/** Each registered provider's own variables, read through `providerEnv` below. */
const providerVariables: object = Object.assign({}, ...manifests.map((m) => m.variables));

/** Every variable the app reads (.env.example documents each one). */
export const serverVariables: Record<string, z.ZodType> = {
  ...appVariables,
  ...providerVariables,
};

export const env = createEnv({
  server: { ...appVariables, ...providerVariables },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  createFinalSchema: (shape) => z.object(shape).superRefine(checkCombinations),
  onValidationError: (issues) => {
    const lines = issues.map((issue) => {
      const name = issue.path?.map((part) => (typeof part === "object" ? part.key : part));
      return `  ${name?.join(".") ?? "(environment)"}: ${issue.message}`;
    });
    throw new Error(`Invalid environment variables:\n${lines.join("\n")}`);
  },
});

/** Rules that involve more than one variable: the app's, then the chosen provider's. */
function checkCombinations(values: EnvValues, ctx: z.RefinementCtx) {
  const problems: EnvProblems = {
    require(name, why) {
      if (values[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: why });
    },
    add(name, message) {
      ctx.addIssue({ code: "custom", path: [name], message });
    },
  };

  const livekitNames = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"];
  if (livekitNames.some((name) => values[name] !== undefined)) {
    for (const name of livekitNames) {
      problems.require(name, "set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together");
    }
  }

  // On Vercel the deployment's files are read-only and every function instance is its own
  // process: an embedded database would give each instance its own ledger, and sessions would leak.
  if (values.VERCEL === "1") {
    problems.require(
      "DATABASE_URL",
      "required on Vercel: the embedded PGlite database cannot work there (read-only files, one ledger per function instance). Add a Postgres database (Vercel Storage → Neon, or any PostgreSQL) and set DATABASE_URL to its connection string",
    );
  }

  const manifest = manifestNamed(values.AVATAR_PROVIDER);
  checkStopBudget(values, manifest, problems);
  manifest?.check(values, problems);
}

/**
 * A stop that is slow but alive must finish inside its claim's lease; otherwise another process
 * takes the claim over and the two stop the same session at once.
 */
function checkStopBudget(
  values: EnvValues,
  manifest: ProviderManifest | undefined,
  problems: EnvProblems,
) {
  const timeoutMs = manifest?.requestTimeoutMs?.(values);
  const attempts = Number(values.PROVIDER_STOP_ATTEMPTS);
  if (timeoutMs === undefined || !Number.isFinite(attempts)) return;
  const budgetMs = stopRetryBudgetMs(attempts, timeoutMs);
  if (budgetMs > CLAIM_LEASE_MS) {
    problems.add(
      "PROVIDER_STOP_ATTEMPTS",
      `${attempts} attempts with the ${manifest?.name} provider's ${timeoutMs} ms request time-out can take ${Math.ceil(budgetMs / 1000)} s, longer than a stop claim's ${CLAIM_LEASE_MS / 1000} s lease: lower the attempts or the time-out`,
    );
  }
}

function manifestNamed(name: unknown): ProviderManifest | undefined {
  return manifests.find((manifest) => manifest.name === name);
}

/** The chosen provider's manifest. */
export const providerManifest = manifestNamed(env.AVATAR_PROVIDER)!;

/**
 * A provider's own variables as parsed above with the rest, typed by the schema its manifest
 * declares: `providerEnv(variables).EQUOS_API_KEY`.
 */
export function providerEnv<V extends Record<string, z.ZodType>>(
  variables: V,
): { [K in keyof V]: z.output<V[K]> } {
  const values = env as unknown as EnvValues;
  return Object.fromEntries(Object.keys(variables).map((name) => [name, values[name]])) as {
    [K in keyof V]: z.output<V[K]>;
  };
}

/** The ledger's database: PostgreSQL when DATABASE_URL is set, else the embedded PGlite. */
export const databaseSettings = {
  url: env.DATABASE_URL,
  /** Where migrations run: a direct connection when one is given, else DATABASE_URL itself. */
  migrationUrl: env.DATABASE_URL_UNPOOLED ?? env.DIRECT_URL ?? env.DATABASE_URL,
  pgliteDir: env.PGLITE_DATA_DIR,
};

/** LiveKit's development server, started by `npm run dev` when no LiveKit is configured. */
export const LIVEKIT_DEV_DEFAULTS = {
  url: "ws://127.0.0.1:7880",
  apiKey: "devkey",
  apiSecret: "talk-to-jeremy-dev-secret-not-for-production",
} as const;

/** LiveKit settings in use: the configured deployment, or the local dev server. */
export const livekitSettings = {
  url: env.LIVEKIT_URL ?? LIVEKIT_DEV_DEFAULTS.url,
  apiKey: env.LIVEKIT_API_KEY ?? LIVEKIT_DEV_DEFAULTS.apiKey,
  apiSecret: env.LIVEKIT_API_SECRET ?? LIVEKIT_DEV_DEFAULTS.apiSecret,
  configured: env.LIVEKIT_URL !== undefined,
  /**
   * Whether a token signed with these keys proves anything. The dev key pair is public, so in
   * production only configured keys count: routes that verify LiveKit's signature are off.
   */
  trusted: env.LIVEKIT_URL !== undefined || env.NODE_ENV !== "production",
};

const production = env.NODE_ENV === "production";

/**
 * Start limits in force. Unset variables take their NODE_ENV default: on in production, off in
 * development and tests; 0 turns a limit off.
 */
export const startLimits = {
  perClient: env.START_LIMIT_PER_CLIENT ?? (production ? 5 : 0),
  windowSeconds: env.START_LIMIT_WINDOW_SECONDS,
  maxActiveSessions: env.MAX_ACTIVE_SESSIONS ?? (production ? 5 : 0),
  dailySessionSeconds: env.DAILY_SESSION_SECONDS ?? (production ? 3600 : 0),
  // Two: a conversation and one more (a second tab, a start that has not yet been stopped).
  openPerClient: env.MAX_SESSIONS_PER_CLIENT ?? (production ? 2 : 0),
  // A third of the day's budget: no one client can hold all of it.
  dailySecondsPerClient: env.DAILY_SESSION_SECONDS_PER_CLIENT ?? (production ? 1200 : 0),
};

/**
 * Host names whose pages the server fetches for knowledge bases even at a private or loopback
 * address (an intranet wiki); every other host must resolve to public addresses only.
 */
export const knowledgeAllowedHosts: ReadonlySet<string> = new Set(env.KNOWLEDGE_ALLOWED_HOSTS);

/** The hosts operator tools may call; a tool at any other host is refused (lib/tools/hosts.ts). */
export const toolAllowedHosts: ReadonlySet<string> = new Set(env.TOOL_ALLOWED_HOSTS);

/** How sweeps are started here (see SWEEP_MODE). */
export const sweepMode = env.SWEEP_MODE ?? (env.VERCEL === "1" ? "requests" : "timer");

/**
 * Where client addresses come from (see lib/http/client-address.ts): a header only when the
 * deployment declares who writes it (CLIENT_IP_HEADER, TRUSTED_PROXY_COUNT, or Vercel, which
 * sets x-vercel-forwarded-for itself and drops any the client sent); else the socket, since
 * without a proxy every header is the client's own.
 */
export const addressTrust: AddressTrust = {
  header:
    env.CLIENT_IP_HEADER ??
    (env.TRUSTED_PROXY_COUNT !== undefined
      ? "x-forwarded-for"
      : env.VERCEL === "1"
        ? "x-vercel-forwarded-for"
        : null),
  hopsFromRight: env.TRUSTED_PROXY_COUNT ?? 1,
  salt:
    env.SESSION_HASH_SALT ??
    // Derived from a secret the deployment has anyway, so the ledger alone reveals no address.
    createHash("sha256")
      .update(
        `talk-to-jeremy:${firstSecret(["LIVEKIT_API_SECRET", ...manifests.flatMap((m) => m.secrets ?? []), "ADMIN_TOKEN", "CRON_SECRET"])}`,
      )
      .digest("hex"),
};

/**
 * The key that signs owner keys (lib/sessions/owner.ts), so the server adopts only keys it
 * issued. Derived like the address salt, under its own label, from a secret the deployment has.
 */
export const ownerKeySecret = createHash("sha256")
  .update(
    `talk-to-jeremy owner keys:${env.SESSION_HASH_SALT ?? firstSecret(["LIVEKIT_API_SECRET", ...manifests.flatMap((m) => m.secrets ?? []), "ADMIN_TOKEN", "CRON_SECRET"])}`,
  )
  .digest("hex");

function firstSecret(names: string[]): string {
  const values = env as unknown as EnvValues;
  const name = names.find((candidate) => values[candidate] !== undefined);
  return name ? String(values[name]) : "";
}
