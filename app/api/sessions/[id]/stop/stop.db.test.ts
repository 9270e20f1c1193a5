import { describe, expect, it, vi } from "vitest";

import { sleep } from "@/lib/sleep";
import type { TestBrowser } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
  const ctx = setUpEquosApp({ PROVIDER_STOP_ATTEMPTS: "3", ADMIN_TOKEN }, version);

  type SessionBody = {
    session: {
      id: string;
      status: string;
      endReason: string | null;
      durationSeconds: number | null;
      endedAt: string | null;
    };
  };

  async function startOne(browser: TestBrowser) {
    const res = await browser.call<SessionBody>("POST /api/sessions", {}, { json: {} });
    expect(res.status).toBe(201);
    return res.body.session.id;
  }

  describe("POST /api/sessions/{id}/stop", () => {
    it("stops the provider session and records ENDED with reason, end time and duration", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      await sleep(1100);

      const res = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.body.session).toMatchObject({ id, status: "ENDED", endReason: "hangup" });
      expect(res.body.session.durationSeconds).toBeGreaterThanOrEqual(1);
      expect(res.body.session.endedAt).not.toBeNull();

      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
      expect(ctx.fake.callsTo("stop")[0]?.apiKey).toBe(ctx.fake.apiKey);
      expect(ctx.fake.running()).toHaveLength(0);
    });

    it("is idempotent: a second stop returns the same ended session without calling Equos", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      const first = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: { reason: "avatar_left" } },
      );
      const second = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: { reason: "hangup" } },
      );
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(second.body.session.endReason).toBe("avatar_left");
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    it("makes exactly one provider call for 50 concurrent stops", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          browser.call<SessionBody>("POST /api/sessions/:id/stop", { id }, { json: {} }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(50).fill(200));
      expect(new Set(results.map((r) => r.body.session.status))).toEqual(new Set(["ENDED"]));
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    // Only the server's own stops can reach a starting session: the page learns its id (and
    // gets the owner cookie) from the start's answer.
    it("asked while the session is starting: answers 202, and the start stops what the provider created", async () => {
      const browser = ctx.app.browser();
      ctx.fake.latencyMs = 500;
      const starting = browser.call("POST /api/sessions", {}, { json: {} });
      const db = await ctx.app.db();
      await expect.poll(() => db.session.count({ where: { status: "STARTING" } })).toBe(1);
      const { id } = await db.session.findFirstOrThrow({ where: { status: "STARTING" } });

      const stop = await ctx.app
        .browser()
        .call<SessionBody>(
          "POST /api/admin/sessions/:id/stop",
          { id },
          { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
        );
      expect(stop.status).toBe(202);
      expect(stop.body.session).toMatchObject({ status: "STARTING", endReason: "admin" });

      expect((await starting).status).toBe(409);
      expect(await db.session.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "ENDED",
        endReason: "admin",
      });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
      expect(ctx.fake.running()).toHaveLength(0);
    });

    it("answers 202 at once while another process holds the stop, never waiting for it", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      const db = await ctx.app.db();
      await db.session.update({ where: { id }, data: { stopClaimedAt: new Date() } });

      const res = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      expect(res.status).toBe(202);
      expect(res.body.session).toMatchObject({ status: "ACTIVE", endReason: "hangup" });
      expect(ctx.fake.callsTo("stop")).toHaveLength(0);
    });

    it("accepts a sendBeacon body (text/plain) and an empty body", async () => {
      const browser = ctx.app.browser();
      const beaconed = await startOne(browser);
      const beacon = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id: beaconed },
        {
          body: JSON.stringify({ reason: "page_closed" }),
          headers: { "content-type": "text/plain;charset=UTF-8" },
        },
      );
      expect(beacon.status).toBe(200);
      expect(beacon.body.session.endReason).toBe("page_closed");

      const emptied = await startOne(browser);
      const empty = await browser.call<SessionBody>("POST /api/sessions/:id/stop", { id: emptied });
      expect(empty.status).toBe(200);
      expect(empty.body.session).toMatchObject({ status: "ENDED", endReason: "hangup" });
    });

    it("refuses a stop from anyone but the owner (403) and changes nothing", async () => {
      const id = await startOne(ctx.app.browser());
      const res = await ctx.app.browser().call("POST /api/sessions/:id/stop", { id }, { json: {} });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });
      expect(ctx.fake.callsTo("stop")).toHaveLength(0);
      const row = await (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });
      expect(row.status).toBe("ACTIVE");
    });

    it("answers 404 for an unknown session", async () => {
      const res = await ctx.app
        .browser()
        .call(
          "POST /api/sessions/:id/stop",
          { id: "ses_ffffffffffffffffffffffffffffffff" },
          { json: {} },
        );
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "NOT_FOUND" } });
    });

    it.each([
      ["an unknown reason", { json: { reason: "bored" } }, 400],
      ["a reason only the server may give", { json: { reason: "heartbeat_lost" } }, 400],
      ["a reason of the wrong type", { json: { reason: 7 } }, 400],
      ["broken JSON", { body: "{", headers: { "content-type": "application/json" } }, 400],
      [
        "a form body",
        { body: "reason=hangup", headers: { "content-type": "application/x-www-form-urlencoded" } },
        415,
      ],
      [
        "an oversized body",
        {
          body: JSON.stringify({ reason: "x".repeat(5000) }),
          headers: { "content-type": "application/json" },
        },
        413,
      ],
    ] as const)("rejects %s and leaves the session running", async (_, request, status) => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      const res = await browser.call("POST /api/sessions/:id/stop", { id }, request);
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({
        error: { code: expect.any(String), message: expect.any(String) },
      });
      expect(ctx.fake.callsTo("stop")).toHaveLength(0);
    });
  });

  describe("stop when Equos fails", () => {
    it("a refused stop asks Equos for the session: ended there means ended here, running means retried", async () => {
      const browser = ctx.app.browser();
      const db = await ctx.app.db();
      const endedThere = await startOne(browser);
      const { providerSessionId } = await db.session.findUniqueOrThrow({
        where: { id: endedThere },
      });
      ctx.fake.sessions.get(providerSessionId!)!.endedAt = new Date().toISOString();
      ctx.fake.failNext("stop", { times: 1, status: 409, body: { message: "already ended" } });
      const ended = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id: endedThere },
        { json: {} },
      );
      expect(ended.status).toBe(200);
      expect(ended.body.session).toMatchObject({ status: "ENDED", endReason: "hangup" });

      const runningThere = await startOne(browser);
      ctx.fake.failNext("stop", { times: 1, status: 409, body: { message: "cannot stop now" } });
      const refused = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id: runningThere },
        { json: {} },
      );
      expect(refused.status).toBe(202);
      expect(refused.body.session.status).toBe("STOP_FAILED");
      expect(ctx.fake.running()).toHaveLength(1);
    });

    it("retries a failing stop with backoff and ends after exactly three calls", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      ctx.fake.failNext("stop", { times: 2, status: 500 });

      const res = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      expect(res.body.session.status).toBe("ENDED");
      expect(ctx.fake.callsTo("stop")).toHaveLength(3);
      const row = await (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });
      expect(row.stopAttempts).toBe(3);
    });

    it("leaves STOP_FAILED with the error kept when every attempt fails", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      ctx.fake.failNext("stop", { times: 3, status: 503 });

      const res = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      // Not ended yet: 202, never 200, and the server keeps at it.
      expect(res.status).toBe(202);
      expect(res.body.session).toMatchObject({
        status: "STOP_FAILED",
        endReason: "hangup",
        endedAt: null,
      });
      const row = await (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });
      expect(row.lastProviderError).toContain("503");
      expect(row.stopClaimedAt).toBeNull();
      expect(ctx.fake.running()).toHaveLength(1);

      // A later stop finishes the job: the bill is never forgotten.
      const again = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      expect(again.body.session).toMatchObject({ status: "ENDED", endReason: "hangup" });
      expect(ctx.fake.running()).toHaveLength(0);
    });

    it("raises an ALERT line once a stop has failed ten times, and keeps it owed", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      const db = await ctx.app.db();
      await db.session.update({ where: { id }, data: { stopAttempts: 8 } });
      ctx.fake.failNext("stop", { times: 3, status: 503 });
      const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
      try {
        const res = await browser.call<SessionBody>(
          "POST /api/sessions/:id/stop",
          { id },
          { json: {} },
        );
        expect(res.status).toBe(202);
        expect(res.body.session.status).toBe("STOP_FAILED");
        const alerts = errors.mock.calls.filter((call) => String(call[0]).startsWith("ALERT:"));
        expect(alerts).toEqual([[expect.stringContaining(`session ${id}`)]]);
      } finally {
        errors.mockRestore();
      }
    });

    it("gives up at once on a refusal that retrying cannot fix", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      ctx.fake.failNext("stop", { times: 1, status: 400, body: { message: "bad request" } });
      const res = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      expect(res.body.session.status).toBe("STOP_FAILED");
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    it("counts a session Equos no longer knows as stopped", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      ctx.fake.sessions.clear();
      const res = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      expect(res.body.session.status).toBe("ENDED");
    });

    it("times out a hanging stop and tries again", async () => {
      const browser = ctx.app.browser();
      const id = await startOne(browser);
      ctx.fake.failNext("stop", { times: 1, hang: true });
      const res = await browser.call<SessionBody>(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {} },
      );
      expect(res.body.session.status).toBe("ENDED");
      expect(ctx.fake.callsTo("stop")).toHaveLength(2);
    });
  });
});
