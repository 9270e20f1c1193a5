import { afterEach, describe, expect, it, vi } from "vitest";

const saved = { ...process.env };

async function loadEnv(values: Record<string, string | undefined>) {
  process.env = { ...saved, ...values };
  for (const [name, value] of Object.entries(values))
    if (value === undefined) delete process.env[name];
  vi.resetModules();
  return (await import("./env")).env;
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
  SESSION_MAX_DURATION_SECONDS: undefined,
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
    [{ LIVEKIT_URL: "ws://127.0.0.1:7880" }, "LIVEKIT_API_KEY"],
    [{ AVATAR_PROVIDER: "equos" }, "EQUOS_API_KEY"],
    [
      { AVATAR_PROVIDER: "equos", EQUOS_API_KEY: "k", EQUOS_AGENT_ID: "a" },
      "EQUOS_AVATAR_IMAGE_URL",
    ],
    [{ NODE_ENV: "production" }, "LIVEKIT_API_SECRET"],
  ])("fails with a message naming the bad variable: %o", async (values, name) => {
    await expect(loadEnv({ ...none, ...values })).rejects.toThrow(
      new RegExp(`^Invalid environment variables:[\\s\\S]*\\b${name}: `),
    );
  });

  it("treats empty strings as unset", async () => {
    const env = await loadEnv({ ...none, DATABASE_URL: "", AVATAR_PROVIDER: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AVATAR_PROVIDER).toBe("local");
  });
});
