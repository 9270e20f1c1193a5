import { describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { startSession } from "@/test/sessions";

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({}, version);
  const row = async (id: string) =>
    (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });

  describe("POST /api/sessions/{id}/heartbeat", () => {
    it("answers 204 to the owner and records when the page was last seen", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      const before = (await row(id)).lastSeenAt!;
      await sleep(20);

      const res = await browser.call("POST /api/sessions/:id/heartbeat", { id });
      expect(res.status).toBe(204);
      expect(res.body).toEqual({});
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect((await row(id)).lastSeenAt!.getTime()).toBeGreaterThan(before.getTime());
    });

    it("accepts {} as JSON or as a beacon's text/plain", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      expect(
        (await browser.call("POST /api/sessions/:id/heartbeat", { id }, { json: {} })).status,
      ).toBe(204);
      const beacon = await browser.call(
        "POST /api/sessions/:id/heartbeat",
        { id },
        { body: "{}", headers: { "content-type": "text/plain;charset=UTF-8" } },
      );
      expect(beacon.status).toBe(204);
    });

    it("never brings an ended session back", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      await browser.call("POST /api/sessions/:id/stop", { id }, { json: {} });
      const ended = await row(id);

      const res = await browser.call("POST /api/sessions/:id/heartbeat", { id });
      expect(res.status).toBe(204);
      expect(await row(id)).toEqual(ended);
    });

    it("refuses anyone but the owner (403) and changes nothing", async () => {
      const id = await startSession(ctx.app.browser());
      const before = await row(id);
      const res = await ctx.app.browser().call("POST /api/sessions/:id/heartbeat", { id });
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: { code: "FORBIDDEN" } });
      expect(await row(id)).toEqual(before);
    });

    it.each([
      ["an unknown session", "ses_ffffffffffffffffffffffffffffffff"],
      ["a malformed id", "../../admin"],
    ])("answers 404 for %s", async (_, id) => {
      const browser = ctx.app.browser();
      await startSession(browser);
      const res = await browser.call("POST /api/sessions/:id/heartbeat", { id });
      expect(res.status).toBe(404);
    });

    it.each([
      ["a body with fields", { json: { alive: true } }, 400],
      ["broken JSON", { body: "{", headers: { "content-type": "application/json" } }, 400],
      [
        "a form body",
        { body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" } },
        415,
      ],
      [
        "a large body",
        {
          body: JSON.stringify({ x: "y".repeat(1000) }),
          headers: { "content-type": "application/json" },
        },
        413,
      ],
    ] as const)("rejects %s without touching the session", async (_, request, status) => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      const before = await row(id);
      const res = await browser.call("POST /api/sessions/:id/heartbeat", { id }, request);
      expect(res.status).toBe(status);
      expect(await row(id)).toEqual(before);
    });
  });
});
