import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };

async function loadEnv(values: Record<string, string | undefined>) {
  process.env = { ...saved, ...values };
  for (const [name, value] of Object.entries(values))
    if (value === undefined) delete process.env[name];
  vi.resetModules();
  // Read as the raw values: a provider's own variables are not in the app's typed view.
  return (await import("./env")).env as Readonly<Record<string, unknown>>;
}

afterEach(() => {
  process.env = { ...saved };
});

const none = {
  NODE_ENV: "development",
  AVATAR_PROVIDER: undefined,
  DATABASE_URL: undefined,
  LIVEKIT_URL: undefined,
  LIVEKIT_API_KEY: undefined,
  LIVEKIT_API_SECRET: undefined,
  EQUOS_API_KEY: undefined,
  EQUOS_CHARACTER_ID: undefined,
  EQUOS_AVATAR_ID: undefined,
  EQUOS_AVATAR_IMAGE_URL: undefined,
  EQUOS_AGENT_ID: undefined,
  EQUOS_AGENT_PROVIDER: undefined,
  SESSION_MAX_DURATION_SECONDS: undefined,
  VERCEL: undefined,
  DATABASE_URL_UNPOOLED: undefined,
  DIRECT_URL: undefined,
};

describe("lib/env", () => {
  it("runs on embedded defaults with nothing set", async () => {
    const env = await loadEnv(none);
    expect(env.AVATAR_PROVIDER).toBe("local");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.SESSION_MAX_DURATION_SECONDS).toBe(600);
  });

  it.each([
    [{ AVATAR_PROVIDER: "heygen" }, "AVATAR_PROVIDER"],
    [{ SESSION_MAX_DURATION_SECONDS: "ten" }, "SESSION_MAX_DURATION_SECONDS"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ KNOWLEDGE_ALLOWED_HOSTS: "wiki.internal:8080" }, "KNOWLEDGE_ALLOWED_HOSTS"],
    [{ KNOWLEDGE_ALLOWED_HOSTS: "https://wiki.internal" }, "KNOWLEDGE_ALLOWED_HOSTS"],
    [{ LIVEKIT_URL: "ws://127.0.0.1:7880" }, "LIVEKIT_API_KEY"],
    [{ AVATAR_PROVIDER: "equos" }, "EQUOS_API_KEY"],
    [
      { AVATAR_PROVIDER: "equos", EQUOS_API_KEY: "k", EQUOS_AGENT_ID: "a" },
      "EQUOS_AVATAR_IMAGE_URL",
    ],
    [{ NODE_ENV: "production" }, "LIVEKIT_API_SECRET"],
    [
      {
        AVATAR_PROVIDER: "equos",
        EQUOS_API_KEY: "k",
        EQUOS_AVATAR_ID: "v",
        EQUOS_AGENT_ID: "a",
        EQUOS_TIMEOUT_MS: "20000",
        STARTING_TIMEOUT_SECONDS: "15",
      },
      "STARTING_TIMEOUT_SECONDS",
    ],
    // A stop's retries (attempts × the request time-out) must fit in its claim's 120 s lease.
    [
      {
        AVATAR_PROVIDER: "equos",
        EQUOS_API_KEY: "k",
        EQUOS_CHARACTER_ID: "c",
        EQUOS_TIMEOUT_MS: "40000",
        STARTING_TIMEOUT_SECONDS: "60",
      },
      "PROVIDER_STOP_ATTEMPTS",
    ],
    [{ PROVIDER_STOP_ATTEMPTS: "10" }, "PROVIDER_STOP_ATTEMPTS"],
  ])("fails with a message naming the bad variable: %o", async (values, name) => {
    await expect(loadEnv({ ...none, ...values })).rejects.toThrow(
      new RegExp(`^Invalid environment variables:[\\s\\S]*\\b${name}: `),
    );
  });

  describe("Equos API version", () => {
    const equos = { ...none, AVATAR_PROVIDER: "equos", EQUOS_API_KEY: "k" };

    it("takes EQUOS_CHARACTER_ID alone (v3) or the avatar and agent variables (v1)", async () => {
      expect((await loadEnv({ ...equos, EQUOS_CHARACTER_ID: "char_1" })).EQUOS_CHARACTER_ID).toBe(
        "char_1",
      );
      const v1 = await loadEnv({ ...equos, EQUOS_AVATAR_ID: "av", EQUOS_AGENT_ID: "ag" });
      expect(v1.EQUOS_CHARACTER_ID).toBeUndefined();
    });

    it("asks for a character (v3) or the v1 variables when neither is set", async () => {
      await expect(loadEnv(equos)).rejects.toThrow(
        /EQUOS_CHARACTER_ID: required when AVATAR_PROVIDER=equos: set EQUOS_CHARACTER_ID \(API v3\), or the API v1 variables EQUOS_AVATAR_ID/,
      );
    });

    it("refuses both kinds at once, naming the variables to unset", async () => {
      const both = {
        ...equos,
        EQUOS_CHARACTER_ID: "c",
        EQUOS_AVATAR_ID: "av",
        EQUOS_AGENT_ID: "ag",
      };
      await expect(loadEnv(both)).rejects.toThrow(
        /EQUOS_CHARACTER_ID: set either EQUOS_CHARACTER_ID \(API v3\) or the API v1 variables, not both: unset EQUOS_AVATAR_ID, EQUOS_AGENT_ID/,
      );
    });
  });

  it("treats empty strings as unset", async () => {
    const env = await loadEnv({ ...none, DATABASE_URL: "", AVATAR_PROVIDER: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AVATAR_PROVIDER).toBe("local");
  });
});

describe("abuse limits", () => {
  const limitsFor = async (values: Record<string, string | undefined>) => {
    const production = {
      LIVEKIT_URL: "wss://x.example",
      LIVEKIT_API_KEY: "k",
      LIVEKIT_API_SECRET: "s",
    };
    await loadEnv({ ...none, ...production, ...values });
    return (await import("./env")).startLimits;
  };
  const unset = {
    START_LIMIT_PER_CLIENT: undefined,
    MAX_ACTIVE_SESSIONS: undefined,
    DAILY_SESSION_SECONDS: undefined,
    MAX_SESSIONS_PER_CLIENT: undefined,
    DAILY_SESSION_SECONDS_PER_CLIENT: undefined,
  };

  it("are on by default in production: 5 starts per client per 10 minutes, 5 at once (2 per client), 1 hour a day (20 minutes per client)", async () => {
    expect(await limitsFor({ ...unset, NODE_ENV: "production" })).toEqual({
      perClient: 5,
      windowSeconds: 600,
      maxActiveSessions: 5,
      dailySessionSeconds: 3600,
      openPerClient: 2,
      dailySecondsPerClient: 1200,
    });
  });

  it.each(["development", "test"])("are off by default in %s", async (NODE_ENV) => {
    expect(await limitsFor({ ...unset, NODE_ENV })).toMatchObject({
      perClient: 0,
      maxActiveSessions: 0,
      dailySessionSeconds: 0,
      openPerClient: 0,
      dailySecondsPerClient: 0,
    });
  });

  it("read the client's address from the socket unless a proxy is declared", async () => {
    const trustFor = async (values: Record<string, string | undefined>) => {
      await loadEnv({
        ...none,
        CLIENT_IP_HEADER: undefined,
        TRUSTED_PROXY_COUNT: undefined,
        ...values,
      });
      const { header, hopsFromRight } = (await import("./env")).addressTrust;
      return { header, hopsFromRight };
    };
    expect(await trustFor({})).toEqual({ header: null, hopsFromRight: 1 });
    expect(await trustFor({ TRUSTED_PROXY_COUNT: "2" })).toEqual({
      header: "x-forwarded-for",
      hopsFromRight: 2,
    });
    expect(await trustFor({ CLIENT_IP_HEADER: "cf-connecting-ip" })).toEqual({
      header: "cf-connecting-ip",
      hopsFromRight: 1,
    });
  });

  it("take the configured values, 0 turning one off, empty meaning the default", async () => {
    expect(
      await limitsFor({
        NODE_ENV: "production",
        START_LIMIT_PER_CLIENT: "0",
        MAX_ACTIVE_SESSIONS: "12",
        DAILY_SESSION_SECONDS: "",
      }),
    ).toMatchObject({ perClient: 0, maxActiveSessions: 12, dailySessionSeconds: 3600 });
  });

  it.each([
    [{ MAX_ACTIVE_SESSIONS: "-1" }, "MAX_ACTIVE_SESSIONS"],
    [{ DAILY_SESSION_SECONDS: "lots" }, "DAILY_SESSION_SECONDS"],
    [{ APP_ORIGIN: "jeremy.example" }, "APP_ORIGIN"],
    [{ CSP_CONNECT_SRC: "wss://ok.example 'unsafe-inline'" }, "CSP_CONNECT_SRC"],
    [{ CRON_SECRET: "short" }, "CRON_SECRET"],
    [{ HEARTBEAT_TIMEOUT_SECONDS: "0" }, "HEARTBEAT_TIMEOUT_SECONDS"],
  ])("reject a bad value, naming it: %o", async (values, name) => {
    await expect(loadEnv({ ...none, ...values })).rejects.toThrow(new RegExp(`\\b${name}: `));
  });

  it("reads APP_ORIGIN as a list of origins", async () => {
    const env = await loadEnv({
      ...none,
      APP_ORIGIN: "https://jeremy.example/, https://www.jeremy.example",
    });
    expect(env.APP_ORIGIN).toEqual(["https://jeremy.example", "https://www.jeremy.example"]);
  });

  describe("on Vercel (VERCEL=1)", () => {
    const equos = {
      ...none,
      NODE_ENV: "production",
      VERCEL: "1",
      AVATAR_PROVIDER: "equos",
      EQUOS_API_KEY: "k",
      EQUOS_CHARACTER_ID: "c",
    };

    it("refuses to run without DATABASE_URL, saying what to set", async () => {
      await expect(loadEnv(equos)).rejects.toThrow(
        /DATABASE_URL: required on Vercel: the embedded PGlite database cannot work there.*set DATABASE_URL/,
      );
    });

    it("refuses the local avatar without a LiveKit deployment", async () => {
      await expect(
        loadEnv({ ...none, NODE_ENV: "production", VERCEL: "1", DATABASE_URL: "postgres://h/db" }),
      ).rejects.toThrow(/LIVEKIT_URL: required on Vercel with AVATAR_PROVIDER=local/);
    });

    it("runs with a database, migrating through the direct connection when one is given", async () => {
      const pooled = "postgres://u:p@pooler.example/db";
      await loadEnv({ ...equos, DATABASE_URL: pooled });
      expect((await import("./env")).databaseSettings.migrationUrl).toBe(pooled);
      for (const name of ["DATABASE_URL_UNPOOLED", "DIRECT_URL"]) {
        await loadEnv({
          ...equos,
          DATABASE_URL: pooled,
          [name]: "postgres://u:p@direct.example/db",
        });
        expect((await import("./env")).databaseSettings).toMatchObject({
          url: pooled,
          migrationUrl: "postgres://u:p@direct.example/db",
        });
      }
    });

    it("reads the client's address from the platform's x-vercel-forwarded-for and sweeps after requests", async () => {
      await loadEnv({ ...equos, DATABASE_URL: "postgres://h/db" });
      const { addressTrust, sweepMode } = await import("./env");
      expect(addressTrust.header).toBe("x-vercel-forwarded-for");
      expect(sweepMode).toBe("requests");
    });

    it("leaves other production servers free to use PGlite", async () => {
      const env = await loadEnv({ ...equos, VERCEL: undefined });
      expect(env.DATABASE_URL).toBeUndefined();
    });
  });
});
