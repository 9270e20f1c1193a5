// The one place that reads the environment. Everything else receives these values.
// next.config.mjs imports this file, so a bad variable fails `next build` and `next start`
// with a message that names it. With nothing set, the app runs on its embedded defaults:
// the local avatar, a LiveKit dev server on this machine and an embedded PGlite database.
import { createHash } from "node:crypto";

import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

import { BRAND } from "./brand"; // relative: next.config.mjs loads this file without path aliases

const whole = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const optionalWhole = (min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional();

/** "https://a.example, https://b.example/" → their origins; an issue for anything else. */
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

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
  .optional();

const httpUrl = z.url({ protocol: /^https?$/ });
const livekitUrl = z.url({ protocol: /^(wss?|https?)$/ });

/** Every variable the app reads (.env.example documents each one). */
export const serverVariables = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),

  AVATAR_PROVIDER: z.enum(["local", "equos"]).default("local"),
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
  LIVEKIT_AGENT_NAME: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .default("jeremy"),

  EQUOS_API_KEY: z.string().min(1).optional(),
  EQUOS_API_URL: httpUrl.default("https://api.equos.ai"),
  /** API v3: the character (made in Equos Studio) that holds the conversations. */
  EQUOS_CHARACTER_ID: z.string().min(1).optional(),
  /** API v1, for older accounts: a pre-created or inline avatar and agent. */
  EQUOS_AVATAR_ID: z.string().min(1).optional(),
  EQUOS_AVATAR_NAME: z.string().min(1).max(64).default(BRAND.avatarName),
  EQUOS_AVATAR_IMAGE_URL: httpUrl.optional(),
  EQUOS_AGENT_ID: z.string().min(1).optional(),
  EQUOS_AGENT_PROVIDER: z.enum(["openai", "gemini", "elevenlabs"]).optional(),
  EQUOS_AGENT_MODEL: z.string().min(1).optional(),
  EQUOS_AGENT_VOICE: z.string().min(1).optional(),
  EQUOS_TIMEOUT_MS: whole(15_000, 1_000, 120_000),

  PROVIDER_STOP_ATTEMPTS: whole(3, 1, 10),
  /** Abuse limits: unset means the NODE_ENV default in `startLimits` below; 0 turns one off. */
  START_LIMIT_PER_CLIENT: optionalWhole(0, 10_000),
  START_LIMIT_WINDOW_SECONDS: whole(600, 1, 24 * 60 * 60),
  MAX_ACTIVE_SESSIONS: optionalWhole(0, 10_000),
  DAILY_SESSION_SECONDS: optionalWhole(0, 100_000_000),

  /** The sweeper: what counts as abandoned, and how often it looks. */
  HEARTBEAT_TIMEOUT_SECONDS: whole(45, 1, 60 * 60),
  STARTING_TIMEOUT_SECONDS: whole(60, 1, 60 * 60),
  MAX_DURATION_GRACE_SECONDS: whole(30, 0, 60 * 60),
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
  /** The header holding the client's address. Unset: x-real-ip on Vercel, else x-forwarded-for. */
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "must be a lower-case header name")
    .optional(),
  /** Proxies in front of the app that append to X-Forwarded-For (the client's entry is this many from the right). */
  TRUSTED_PROXY_COUNT: optionalWhole(1, 10),
  /** Salt for the hashed client addresses in the ledger; unset: derived from a configured secret. */
  SESSION_HASH_SALT: z.string().min(16, "must be at least 16 characters").optional(),
};

/** Variables that choose Equos API v1 (EQUOS_AVATAR_NAME has a default, so it cannot). */
const EQUOS_V1_NAMES = [
  "EQUOS_AVATAR_ID",
  "EQUOS_AVATAR_IMAGE_URL",
  "EQUOS_AGENT_ID",
  "EQUOS_AGENT_PROVIDER",
  "EQUOS_AGENT_MODEL",
  "EQUOS_AGENT_VOICE",
];

export const env = createEnv({
  server: serverVariables,
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

type RawEnv = Record<string, unknown>;

/** Rules that involve more than one variable. */
function checkCombinations(values: RawEnv, ctx: z.RefinementCtx) {
  const require = (name: string, why: string) => {
    if (values[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: why });
  };

  const livekitNames = ["LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET"];
  if (livekitNames.some((name) => values[name] !== undefined)) {
    for (const name of livekitNames) {
      require(name, "set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together");
    }
  }

  if (values.AVATAR_PROVIDER === "equos") {
    require("EQUOS_API_KEY", "required when AVATAR_PROVIDER=equos");
    checkEquosVersion(values, ctx, require);
  }

  // A start still in flight must not be taken for a lost one: the sweeper gives a start
  // STARTING_TIMEOUT_SECONDS, so that must outlast the provider's own request time-out.
  const startingMs = Number(values.STARTING_TIMEOUT_SECONDS) * 1000;
  if (values.AVATAR_PROVIDER === "equos" && startingMs <= Number(values.EQUOS_TIMEOUT_MS)) {
    ctx.addIssue({
      code: "custom",
      path: ["STARTING_TIMEOUT_SECONDS"],
      message: `must be longer than EQUOS_TIMEOUT_MS (${values.EQUOS_TIMEOUT_MS} ms), or a start still in flight is taken for a lost one`,
    });
  }

  if (values.VERCEL === "1") checkVercel(values, require);

  if (values.AVATAR_PROVIDER === "local" && values.NODE_ENV === "production") {
    // The dev server's key pair is public; a production deployment must bring its own.
    require("LIVEKIT_API_SECRET", "required in production when AVATAR_PROVIDER=local");
  }
}

/**
 * On Vercel the deployment's files are read-only and every function instance is its own
 * process: an embedded database would give each instance its own ledger, and sessions would leak.
 */
function checkVercel(values: RawEnv, require: (name: string, why: string) => void) {
  require("DATABASE_URL", "required on Vercel: the embedded PGlite database cannot work there (read-only files, one ledger per function instance). Add a Postgres database (Vercel Storage → Neon, or any PostgreSQL) and set DATABASE_URL to its connection string");
  if (values.AVATAR_PROVIDER === "local") {
    require("LIVEKIT_URL", "required on Vercel with AVATAR_PROVIDER=local: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET to your LiveKit (Cloud or your own server), or use AVATAR_PROVIDER=equos");
  }
}

/** Equos speaks API v3 with EQUOS_CHARACTER_ID, v1 with the avatar and agent variables. */
function checkEquosVersion(
  values: RawEnv,
  ctx: z.RefinementCtx,
  require: (name: string, why: string) => void,
) {
  const v1Set = EQUOS_V1_NAMES.filter((name) => values[name] !== undefined);
  if (values.EQUOS_CHARACTER_ID !== undefined) {
    if (v1Set.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["EQUOS_CHARACTER_ID"],
        message: `set either EQUOS_CHARACTER_ID (API v3) or the API v1 variables, not both: unset ${v1Set.join(", ")}`,
      });
    }
    return;
  }
  if (v1Set.length === 0) {
    require("EQUOS_CHARACTER_ID", "required when AVATAR_PROVIDER=equos: set EQUOS_CHARACTER_ID (API v3), or the API v1 variables EQUOS_AVATAR_ID (or EQUOS_AVATAR_IMAGE_URL) and EQUOS_AGENT_ID (or EQUOS_AGENT_PROVIDER)");
    return;
  }
  if (values.EQUOS_AVATAR_ID === undefined) {
    require("EQUOS_AVATAR_IMAGE_URL", "set EQUOS_AVATAR_ID, or EQUOS_AVATAR_IMAGE_URL for an inline avatar");
  }
  if (values.EQUOS_AGENT_ID === undefined) {
    require("EQUOS_AGENT_PROVIDER", "set EQUOS_AGENT_ID, or EQUOS_AGENT_PROVIDER for an inline agent");
  }
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
  agentName: env.LIVEKIT_AGENT_NAME,
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
};

/** How sweeps are started here (see SWEEP_MODE). */
export const sweepMode = env.SWEEP_MODE ?? (env.VERCEL === "1" ? "requests" : "timer");

/** Where client addresses come from (see lib/http/client-address.ts). */
export const addressTrust = {
  header: env.CLIENT_IP_HEADER ?? (env.VERCEL === "1" ? "x-real-ip" : "x-forwarded-for"),
  hopsFromRight: env.TRUSTED_PROXY_COUNT ?? 1,
  salt:
    env.SESSION_HASH_SALT ??
    // Derived from a secret the deployment has anyway, so the ledger alone reveals no address.
    createHash("sha256")
      .update(
        `talk-to-jeremy:${env.LIVEKIT_API_SECRET ?? env.EQUOS_API_KEY ?? env.ADMIN_TOKEN ?? env.CRON_SECRET ?? ""}`,
      )
      .digest("hex"),
};
