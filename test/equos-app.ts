import { afterAll, beforeAll, beforeEach } from "vitest";

import { loadApp } from "./app";
import { FakeEquos } from "./fake-equos";

/** The environment that points the app at a fake Equos. */
export function equosEnv(fake: FakeEquos, extra: Record<string, string | undefined> = {}) {
  return {
    NODE_ENV: "test",
    AVATAR_PROVIDER: "equos",
    EQUOS_API_URL: fake.url,
    EQUOS_API_KEY: fake.apiKey,
    EQUOS_AVATAR_ID: "avatar_jeremy",
    EQUOS_AGENT_ID: "agent_interviewer",
    // Generous: under a parallel test run a first request can wait a while for the CPU.
    EQUOS_TIMEOUT_MS: "4000",
    LIVEKIT_URL: undefined,
    LIVEKIT_API_KEY: undefined,
    LIVEKIT_API_SECRET: undefined,
    START_LIMIT_PER_CLIENT: undefined,
    MAX_ACTIVE_SESSIONS: undefined,
    DAILY_SESSION_SECONDS: undefined,
    HEARTBEAT_TIMEOUT_SECONDS: undefined,
    STARTING_TIMEOUT_SECONDS: undefined,
    MAX_DURATION_GRACE_SECONDS: undefined,
    STOP_RETRY_BASE_SECONDS: undefined,
    STOP_RETRY_MAX_SECONDS: undefined,
    PROVIDER_STOP_ATTEMPTS: undefined,
    CRON_SECRET: undefined,
    APP_ORIGIN: undefined,
    ADMIN_TOKEN: undefined,
    CLIENT_IP_HEADER: undefined,
    TRUSTED_PROXY_COUNT: undefined,
    VERCEL: undefined,
    SWEEP_MODE: undefined,
    ...extra,
  };
}

/** A fake Equos for the whole file, reset before each test, and the app wired to it. */
export function setUpEquosApp(extra: Record<string, string | undefined> = {}) {
  const context = {} as { fake: FakeEquos; app: Awaited<ReturnType<typeof loadApp>> };
  beforeAll(async () => {
    context.fake = await FakeEquos.start();
    context.app = await loadApp(equosEnv(context.fake, extra));
  });
  beforeEach(() => context.fake.reset());
  afterAll(async () => {
    await context.fake.close();
  });
  return context;
}
