import { afterAll, beforeAll, beforeEach } from "vitest";

import { loadApp } from "./app";
import { FAKE_CHARACTER, FakeEquos } from "./fake-equos";

export type EquosVersion = "v3" | "v1";

/** Both Equos API versions: route-level suites run once against each, with the same assertions. */
export const EQUOS_VERSIONS: EquosVersion[] = ["v3", "v1"];

/** The variables that choose an Equos API version (and unset the other version's). */
function versionEnv(version: EquosVersion) {
  const v1 = version === "v1";
  return {
    EQUOS_CHARACTER_ID: v1 ? undefined : FAKE_CHARACTER.id,
    EQUOS_AVATAR_ID: v1 ? "avatar_jeremy" : undefined,
    EQUOS_AGENT_ID: v1 ? "agent_interviewer" : undefined,
    EQUOS_AVATAR_NAME: undefined,
    EQUOS_AVATAR_IMAGE_URL: undefined,
    EQUOS_AGENT_PROVIDER: undefined,
    EQUOS_AGENT_MODEL: undefined,
    EQUOS_AGENT_VOICE: undefined,
  };
}

/** The environment that points the app at a fake Equos, speaking API `version`. */
export function equosEnv(
  fake: FakeEquos,
  extra: Record<string, string | undefined> = {},
  version: EquosVersion = "v3",
) {
  return {
    NODE_ENV: "test",
    AVATAR_PROVIDER: "equos",
    EQUOS_API_URL: fake.url,
    EQUOS_API_KEY: fake.apiKey,
    ...versionEnv(version),
    // Generous: under a parallel test run a first request can wait a while for the CPU.
    EQUOS_TIMEOUT_MS: "4000",
    LIVEKIT_URL: undefined,
    LIVEKIT_API_KEY: undefined,
    LIVEKIT_API_SECRET: undefined,
    START_LIMIT_PER_CLIENT: undefined,
    MAX_ACTIVE_SESSIONS: undefined,
    DAILY_SESSION_SECONDS: undefined,
    MAX_SESSIONS_PER_CLIENT: undefined,
    DAILY_SESSION_SECONDS_PER_CLIENT: undefined,
    HEARTBEAT_TIMEOUT_SECONDS: undefined,
    STARTING_TIMEOUT_SECONDS: undefined,
    MAX_DURATION_GRACE_SECONDS: undefined,
    PAUSE_MAX_SECONDS: undefined,
    STOP_RETRY_BASE_SECONDS: undefined,
    STOP_RETRY_MAX_SECONDS: undefined,
    PROVIDER_STOP_ATTEMPTS: undefined,
    CRON_SECRET: undefined,
    APP_ORIGIN: undefined,
    ADMIN_TOKEN: undefined,
    COST_PER_MINUTE: undefined,
    CLIENT_IP_HEADER: undefined,
    TRUSTED_PROXY_COUNT: undefined,
    VERCEL: undefined,
    SWEEP_MODE: undefined,
    ...extra,
  };
}

/**
 * A fake Equos for the enclosing suite, reset before each test, and the app wired to it with
 * API `version`; `env(extra)` is that environment with more variables, for reloading the app.
 */
export function setUpEquosApp(
  extra: Record<string, string | undefined> = {},
  version: EquosVersion = "v3",
) {
  const context = {
    version,
    env: (more: Record<string, string | undefined> = {}) => equosEnv(context.fake, more, version),
  } as {
    fake: FakeEquos;
    app: Awaited<ReturnType<typeof loadApp>>;
    version: EquosVersion;
    env: (more?: Record<string, string | undefined>) => ReturnType<typeof equosEnv>;
  };
  beforeAll(async () => {
    context.fake = await FakeEquos.start();
    context.app = await loadApp(equosEnv(context.fake, extra, version));
  });
  beforeEach(() => context.fake.reset());
  afterAll(async () => {
    await context.fake.close();
  });
  return context;
}
