import { describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { startSession } from "@/test/sessions";

// The route wrapper applies the check to every state-changing route; these go through the real
// handlers to show that a refused request changes nothing.

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({}, version);
  const APP = "http://localhost:3000";
  const foreign = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };

  describe("cross-origin requests to the session API", () => {
    it("refuses a start from another site (403) without creating anything", async () => {
      const db = await ctx.app.db();
      const before = await db.session.count();
      const res = await ctx.app
        .browser()
        .call("POST /api/sessions", {}, { json: {}, headers: foreign });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });
      expect(await db.session.count()).toBe(before);
      expect(ctx.fake.calls).toHaveLength(0);
    });

    it("refuses a stop or heartbeat from another site even with the owner's cookie", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser, { origin: APP, "sec-fetch-site": "same-origin" });
      const row = async () => (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });
      const seen = (await row()).lastSeenAt;

      const stop = await browser.call(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {}, headers: foreign },
      );
      const beat = await browser.call(
        "POST /api/sessions/:id/heartbeat",
        { id },
        { headers: foreign },
      );
      expect([stop.status, beat.status]).toEqual([403, 403]);
      expect(await row()).toMatchObject({ status: "ACTIVE", lastSeenAt: seen });
      expect(ctx.fake.callsTo("stop")).toHaveLength(0);
    });

    it("accepts the page's own fetch and its pagehide beacon", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser, { origin: APP, "sec-fetch-site": "same-origin" });
      const beacon = await browser.call(
        "POST /api/sessions/:id/stop",
        { id },
        {
          body: JSON.stringify({ reason: "page_closed" }),
          headers: {
            origin: APP,
            "sec-fetch-site": "same-origin",
            "content-type": "text/plain;charset=UTF-8",
          },
        },
      );
      expect(beacon.status).toBe(200);
      expect(beacon.body).toMatchObject({ session: { status: "ENDED", endReason: "page_closed" } });
    });

    it("uses APP_ORIGIN when the deployment sets it", async () => {
      const app = await loadApp(ctx.env({ APP_ORIGIN: "https://jeremy.example" }));
      const asLocal = await app
        .browser()
        .call("POST /api/sessions", {}, { json: {}, headers: { origin: APP } });
      expect(asLocal.status).toBe(403);
      const asPublic = await app
        .browser()
        .call(
          "POST /api/sessions",
          {},
          { json: {}, headers: { origin: "https://jeremy.example" } },
        );
      expect(asPublic.status).toBe(201);
      ctx.app = await loadApp(ctx.env());
    });
  });
});
