import { describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";
import { equosEnv, setUpEquosApp } from "@/test/equos-app";

const ctx = setUpEquosApp();

type Health = {
  status: string;
  provider: string;
  database: string;
  error?: { code: string; message: string };
};

const health = async (env: Record<string, string | undefined>) => {
  const app = await loadApp(env);
  return app.browser().call<Health>("GET /api/health");
};

describe("GET /api/health", () => {
  it("answers 200 ok when the database and the provider answer", async () => {
    const res = await health(equosEnv(ctx.fake));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", provider: "equos", database: "ok" });
    expect(ctx.fake.callsTo("list")).toHaveLength(1);
  });

  it("answers 503 naming the provider when Equos is down", async () => {
    const res = await health({ ...equosEnv(ctx.fake), EQUOS_API_URL: "http://127.0.0.1:9" });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "down", provider: "equos", database: "ok" });
    expect(res.body.error?.message).toMatch(/^provider equos: Equos could not be reached/);
  });

  it("tells what is missing when the local avatar's LiveKit server is not running", async () => {
    const res = await health({
      AVATAR_PROVIDER: "local",
      LIVEKIT_URL: "ws://127.0.0.1:9",
      LIVEKIT_API_KEY: "devkey",
      LIVEKIT_API_SECRET: "secret",
    });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "down", provider: "local", database: "ok" });
    expect(res.body.error?.message).toContain("LiveKit could not be reached");
    expect(res.body.error?.message).toContain("npm run dev");
  });

  it("answers 503 naming the database when it cannot be reached", async () => {
    const res = await health({
      ...equosEnv(ctx.fake),
      DATABASE_URL: "postgresql://nobody:x@127.0.0.1:9/none",
    });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "down", provider: "equos", database: "down" });
    expect(res.body.error?.message).toMatch(/^database: /);
  });
});
