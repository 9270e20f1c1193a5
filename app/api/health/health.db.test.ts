import { describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({}, version);

  type Health = {
    status: string;
    provider: string;
    database: string;
    error?: { code: string; message: string };
  };

  /** The health check as an operator (the admin token) sees it: with the detail. */
  const health = async (env: Record<string, string | undefined>) => {
    const app = await loadApp({ ...env, ADMIN_TOKEN });
    return app.browser().call<Health>("GET /api/health", {}, { headers: admin });
  };

  describe("GET /api/health", () => {
    it("answers 200 ok when the database and the provider answer", async () => {
      const res = await health(ctx.env());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: "ok", provider: "equos", database: "ok" });
      // One cheap authenticated call: v3 reads the character, v1 lists one session.
      const check = { v3: "character", v1: "list" } as const;
      expect(ctx.fake.calls.map((call) => call.route)).toEqual([check[version]]);
    });

    it("asks Equos at most once in a few seconds, however many checks come", async () => {
      const app = await loadApp(ctx.env());
      await app.db(); // opened before the clock starts
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => app.browser().call<Health>("GET /api/health")),
      );
      expect(answers.map((res) => res.status)).toEqual(Array(20).fill(200));
      const again = await app.browser().call<Health>("GET /api/health");
      expect(again.body.status).toBe("ok");
      expect(ctx.fake.calls).toHaveLength(1);
    });

    it("answers 503 naming the provider when Equos is down", async () => {
      const res = await health({ ...ctx.env(), EQUOS_API_URL: "http://127.0.0.1:9" });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: "down", provider: "equos", database: "ok" });
      expect(res.body.error?.message).toMatch(/^provider equos: Equos could not be reached/);
    });

    it("tells anyone else only which part is down, in plain words", async () => {
      const app = await loadApp({ ...ctx.env(), ADMIN_TOKEN, EQUOS_API_URL: "http://127.0.0.1:9" });
      const res = await app.browser().call<Health>("GET /api/health");
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        status: "down",
        provider: "equos",
        database: "ok",
        error: { code: "SERVICE_UNAVAILABLE", message: "The avatar service is not answering." },
      });
      // A wrong token is anyone else too.
      const wrong = await app
        .browser()
        .call<Health>("GET /api/health", {}, { headers: { authorization: "Bearer nope" } });
      expect(wrong.body.error?.message).toBe("The avatar service is not answering.");
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
      const database = process.env.DATABASE_URL;
      const res = await health({
        ...ctx.env(),
        DATABASE_URL: "postgresql://nobody:x@127.0.0.1:9/none",
      });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: "down", provider: "equos", database: "down" });
      expect(res.body.error?.message).toMatch(/^database: /);
      // Back to the test run's own database, for the other version's suite.
      await loadApp({ ...ctx.env(), DATABASE_URL: database });
    });
  });
});
