import { beforeEach, describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { loadApp } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { clearLedger, startSession } from "@/test/sessions";

const CRON_SECRET = "cron-secret-for-tests-0123456789";

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({ CRON_SECRET, HEARTBEAT_TIMEOUT_SECONDS: "1" }, version);
  beforeEach(() => clearLedger(ctx.app));

  describe("GET /api/cron/reap", () => {
    it("does not exist without CRON_SECRET (404)", async () => {
      const app = await loadApp(ctx.env({ HEARTBEAT_TIMEOUT_SECONDS: "1" }));
      const id = await startSession(app.browser());
      await sleep(1200);
      const res = await app
        .browser()
        .call("GET /api/cron/reap", {}, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      expect(res.status).toBe(404);
      expect((await (await app.db()).session.findUniqueOrThrow({ where: { id } })).status).toBe(
        "ACTIVE",
      );
      ctx.app = await loadApp(ctx.env({ CRON_SECRET, HEARTBEAT_TIMEOUT_SECONDS: "1" }));
    });

    it.each([
      ["no token", {}],
      ["a wrong token", { authorization: "Bearer cron-secret-for-tests-0123456780" }],
      ["the secret without Bearer", { authorization: CRON_SECRET }],
      ["an empty token", { authorization: "Bearer " }],
    ])("refuses %s (401) and sweeps nothing", async (_, headers: Record<string, string>) => {
      const id = await startSession(ctx.app.browser());
      await sleep(1200);
      const res = await ctx.app.browser().call("GET /api/cron/reap", {}, { headers });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: "UNAUTHORIZED" } });
      const db = await ctx.app.db();
      expect((await db.session.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
      expect(ctx.fake.callsTo("stop")).toHaveLength(0);
    });

    it("runs a sweep with the right token and reports what it did", async () => {
      const id = await startSession(ctx.app.browser());
      await sleep(1200);
      const res = await ctx.app
        .browser()
        .call("GET /api/cron/reap", {}, { headers: { authorization: `Bearer ${CRON_SECRET}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.body).toEqual({
        report: {
          heartbeatLost: 1,
          maxDuration: 0,
          startTimedOut: 0,
          pauseExpired: 0,
          retried: 0,
          stillOwed: 0,
        },
      });
      const row = await (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "ENDED", endReason: "heartbeat_lost" });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });
  });
});
