import { describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({ ADMIN_TOKEN }, version);
  const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

  describe("admin API", () => {
    it("does not exist without ADMIN_TOKEN", async () => {
      const app = await loadApp(ctx.env());
      const res = await app.browser().call("GET /api/admin/sessions", {}, { headers: admin });
      expect(res.status).toBe(404);
      ctx.app = await loadApp(ctx.env({ ADMIN_TOKEN }));
    });

    it("refuses a wrong token", async () => {
      const res = await ctx.app
        .browser()
        .call("GET /api/admin/sessions", {}, { headers: { authorization: "Bearer nope" } });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    });

    it("lists sessions newest first with today's usage, and filters by status", async () => {
      const browser = ctx.app.browser();
      const first = await browser.call<{ session: { id: string } }>(
        "POST /api/sessions",
        {},
        { json: {} },
      );
      const second = await browser.call<{ session: { id: string } }>(
        "POST /api/sessions",
        {},
        { json: {} },
      );
      await browser.call(
        "POST /api/sessions/:id/stop",
        { id: first.body.session.id },
        { json: {} },
      );

      type List = {
        sessions: Array<{ id: string; status: string }>;
        usage: { sessionsToday: number; open: number };
      };
      const all = await ctx.app
        .browser()
        .call<List>("GET /api/admin/sessions", {}, { headers: admin });
      expect(all.status).toBe(200);
      expect(all.body.sessions.slice(0, 2).map((s) => s.id)).toEqual([
        second.body.session.id,
        first.body.session.id,
      ]);
      expect(all.body.usage.sessionsToday).toBeGreaterThanOrEqual(2);
      expect(all.body.usage.open).toBeGreaterThanOrEqual(1);

      const active = await ctx.app
        .browser()
        .call<List>("GET /api/admin/sessions", {}, { headers: admin, query: { status: "ACTIVE" } });
      expect(active.body.sessions.every((s) => s.status === "ACTIVE")).toBe(true);
      const bad = await ctx.app
        .browser()
        .call("GET /api/admin/sessions", {}, { headers: admin, query: { limit: "lots" } });
      expect(bad.status).toBe(400);
    });

    it("filters by every status the ledger has, PAUSED included", async () => {
      const browser = ctx.app.browser();
      const started = await browser.call<{ session: { id: string } }>(
        "POST /api/sessions",
        {},
        { json: {} },
      );
      const id = started.body.session.id;
      expect(
        (await browser.call("POST /api/sessions/:id/pause", { id }, { json: {} })).status,
      ).toBe(200);
      const paused = await ctx.app
        .browser()
        .call<{ sessions: Array<{ id: string; status: string }> }>(
          "GET /api/admin/sessions",
          {},
          { headers: admin, query: { status: "PAUSED" } },
        );
      expect(paused.status).toBe(200);
      expect(paused.body.sessions.map((s) => s.id)).toContain(id);
      expect(paused.body.sessions.every((s) => s.status === "PAUSED")).toBe(true);
      await browser.call("POST /api/sessions/:id/stop", { id }, { json: {} });
    });

    it("shows one session and stops it with reason admin", async () => {
      const started = await ctx.app
        .browser()
        .call<{ session: { id: string } }>("POST /api/sessions", {}, { json: {} });
      const id = started.body.session.id;
      const one = await ctx.app
        .browser()
        .call("GET /api/admin/sessions/:id", { id }, { headers: admin });
      expect(one.body).toMatchObject({
        session: { id, status: "ACTIVE", transcript: [], stopAttempts: 0 },
      });

      const stopped = await ctx.app
        .browser()
        .call("POST /api/admin/sessions/:id/stop", { id }, { headers: admin });
      expect(stopped.body).toMatchObject({ session: { id, status: "ENDED", endReason: "admin" } });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);

      const missing = await ctx.app
        .browser()
        .call("POST /api/admin/sessions/:id/stop", { id: "ses_nope" }, { headers: admin });
      expect(missing.status).toBe(404);
    });
  });
});
