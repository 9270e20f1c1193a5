import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { peerHeaders } from "@/lib/http/peer-address";
import { sleep } from "@/lib/sleep";
import { loadApp, type TestBrowser } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { clearLedger } from "@/test/sessions";

type Answer = {
  session?: { id: string };
  error?: { code: string; message: string };
};

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({}, version);

  async function withLimits(limits: Record<string, string | undefined>) {
    ctx.app = await loadApp(ctx.env(limits));
    return ctx.app;
  }

  afterAll(async () => {
    ctx.app = await loadApp(ctx.env());
  });

  beforeEach(() => clearLedger(ctx.app));

  /** `count` starts at the same moment, each from its own browser and address. */
  async function startTogether(
    count: number,
    headersFor: (i: number) => Record<string, string> = (i) => peerHeaders(`198.51.100.${i}`),
  ) {
    return Promise.all(
      Array.from({ length: count }, (_, i) =>
        ctx.app
          .browser()
          .call<Answer>("POST /api/sessions", {}, { json: {}, headers: headersFor(i) }),
      ),
    );
  }

  const statuses = (responses: Array<{ status: number }>) =>
    responses.map((r) => r.status).sort((a, b) => a - b);

  describe("cap on sessions open at once (MAX_ACTIVE_SESSIONS)", () => {
    it("a stop that keeps failing holds its place only until its retries pass the alert ceiling", async () => {
      await withLimits({ MAX_ACTIVE_SESSIONS: "1" });
      const [first] = await startTogether(1);
      const db = await ctx.app.db();
      const id = first!.body.session!.id;
      await db.session.update({ where: { id }, data: { status: "STOP_FAILED", stopAttempts: 3 } });
      expect((await startTogether(1))[0]!.status).toBe(429);
      await db.session.update({ where: { id }, data: { stopAttempts: 10 } });
      expect((await startTogether(1))[0]!.status).toBe(201);
    });

    it("lets exactly N of N+5 simultaneous starts through", async () => {
      await withLimits({ MAX_ACTIVE_SESSIONS: "7" });
      const responses = await startTogether(12);
      expect(statuses(responses)).toEqual([...Array(7).fill(201), ...Array(5).fill(429)]);
      expect(ctx.fake.callsTo("create")).toHaveLength(7);
      expect(await (await ctx.app.db()).session.count()).toBe(7);

      const refused = responses.find((r) => r.status === 429)!;
      expect(refused.body.error).toEqual({
        code: "RATE_LIMITED",
        message:
          "Jeremy is already in 7 conversations, as many as he can hold at once. Please try again in a minute.",
      });
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it("makes room again once a session ends", async () => {
      await withLimits({ MAX_ACTIVE_SESSIONS: "2" });
      const browser: TestBrowser = ctx.app.browser();
      const first = await browser.call<Answer>("POST /api/sessions", {}, { json: {} });
      await browser.call("POST /api/sessions", {}, { json: {} });
      expect((await browser.call("POST /api/sessions", {}, { json: {} })).status).toBe(429);
      await browser.call(
        "POST /api/sessions/:id/stop",
        { id: first.body.session!.id },
        { json: {} },
      );
      expect((await browser.call("POST /api/sessions", {}, { json: {} })).status).toBe(201);
    });

    it("counts a session still owed a provider stop as open: it may still be billing", async () => {
      await withLimits({ MAX_ACTIVE_SESSIONS: "1" });
      const browser = ctx.app.browser();
      const first = await browser.call<Answer>("POST /api/sessions", {}, { json: {} });
      ctx.fake.failNext("stop", { times: 3, status: 503 });
      await browser.call(
        "POST /api/sessions/:id/stop",
        { id: first.body.session!.id },
        { json: {} },
      );
      expect((await browser.call("POST /api/sessions", {}, { json: {} })).status).toBe(429);
    });
  });

  describe("daily budget of session seconds (DAILY_SESSION_SECONDS)", () => {
    it("counts open sessions at their maximum, so simultaneous starts cannot overrun it", async () => {
      // Room for three 600 s sessions and a minute.
      await withLimits({ DAILY_SESSION_SECONDS: String(3 * 600 + 60) });
      const responses = await startTogether(8);
      expect(statuses(responses)).toEqual([...Array(3).fill(201), ...Array(5).fill(429)]);
      const refused = responses.find((r) => r.status === 429)!;
      expect(refused.body.error?.message).toMatch(
        /held by conversations in progress\. Please try again in \d+ minutes?\./,
      );
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(500);

      // Ending one early turns its reservation into the seconds it ran, which frees the rest.
      const [first] = responses.filter((r) => r.status === 201);
      await sleep(1100);
      const { getSessionService } = await import("@/lib/sessions");
      await getSessionService().stopById(first!.body.session!.id, "admin");
      const browser = ctx.app.browser();
      expect((await browser.call("POST /api/sessions", {}, { json: {} })).status).toBe(201);
      expect((await browser.call("POST /api/sessions", {}, { json: {} })).status).toBe(429);
    });

    it("says to come back tomorrow once today's ended sessions have used it up", async () => {
      // The budget counts only the part of a session since midnight UTC: in the first minutes of
      // a day, less than the 500 s below. The budget leaves no room for one more 600 s session
      // whatever the time of day.
      const endedAt = new Date();
      const sinceMidnight = Math.floor((endedAt.getTime() % (24 * 60 * 60 * 1000)) / 1000);
      await withLimits({ DAILY_SESSION_SECONDS: String(Math.min(500, sinceMidnight) + 599) });
      const db = await ctx.app.db();
      await db.session.create({
        data: {
          id: `ses_${"a".repeat(32)}`,
          provider: "equos",
          profile: "interviewer",
          ownerKeyHash: "0".repeat(64),
          maxDurationSeconds: 600,
          status: "ENDED",
          endReason: "hangup",
          startedAt: new Date(endedAt.getTime() - 500_000),
          endedAt,
          durationSeconds: 500,
        },
      });
      // Up to 500 s used today; one more 600 s session would go past the budget.
      const res = await ctx.app.browser().call<Answer>("POST /api/sessions", {}, { json: {} });
      expect(res.status).toBe(429);
      expect(res.body.error?.message).toContain("come back tomorrow");
      const midnight = new Date();
      midnight.setUTCHours(24, 0, 0, 0);
      const retryAfter = Number(res.headers.get("retry-after"));
      expect(Math.abs(retryAfter - (midnight.getTime() - Date.now()) / 1000)).toBeLessThan(5);
      expect(ctx.fake.calls).toHaveLength(0);
    });

    it("does not count yesterday's sessions", async () => {
      await withLimits({ DAILY_SESSION_SECONDS: "700" });
      const db = await ctx.app.db();
      const yesterday = new Date(Date.now() - 26 * 60 * 60 * 1000);
      await db.session.create({
        data: {
          id: `ses_${"b".repeat(32)}`,
          provider: "equos",
          profile: "interviewer",
          ownerKeyHash: "0".repeat(64),
          maxDurationSeconds: 600,
          status: "ENDED",
          endReason: "hangup",
          createdAt: yesterday,
          startedAt: yesterday,
          endedAt: new Date(yesterday.getTime() + 600_000),
          durationSeconds: 600,
        },
      });
      expect((await ctx.app.browser().call("POST /api/sessions", {}, { json: {} })).status).toBe(
        201,
      );
    });
  });

  describe("per-client start limit under concurrency (START_LIMIT_PER_CLIENT)", () => {
    it("lets exactly N of N+4 simultaneous starts from one address through", async () => {
      await withLimits({ START_LIMIT_PER_CLIENT: "5", START_LIMIT_WINDOW_SECONDS: "600" });
      const responses = await startTogether(9, () => peerHeaders("203.0.113.9"));
      expect(statuses(responses)).toEqual([...Array(5).fill(201), ...Array(4).fill(429)]);
      // Another address is not affected.
      const other = await ctx.app
        .browser()
        .call("POST /api/sessions", {}, { json: {}, headers: peerHeaders("203.0.113.10") });
      expect(other.status).toBe(201);
    });

    it("gives requests without the address header one shared allowance", async () => {
      await withLimits({ START_LIMIT_PER_CLIENT: "2" });
      const responses = await startTogether(3, () => ({}));
      expect(statuses(responses)).toEqual([201, 201, 429]);
    });

    it("behind TRUSTED_PROXY_COUNT proxies, entries a client forged to their left make no new client", async () => {
      await withLimits({ START_LIMIT_PER_CLIENT: "1", TRUSTED_PROXY_COUNT: "2" });
      const forged = await startTogether(2, (i) => ({
        "x-forwarded-for": `10.0.0.${i}, 192.0.2.1, 172.16.0.1`,
      }));
      expect(statuses(forged)).toEqual([201, 429]);
      ctx.app = await loadApp(ctx.env({ TRUSTED_PROXY_COUNT: undefined }));
    });

    // A platform header named by CLIENT_IP_HEADER (Vercel's own is lib/env.test.ts's business).
    it("reading the platform's x-real-ip, counts an IPv6 /64 as one client", async () => {
      await withLimits({ START_LIMIT_PER_CLIENT: "1", CLIENT_IP_HEADER: "x-real-ip" });
      const rotating = await startTogether(2, (i) => ({
        "x-real-ip": `2001:db8:77:1::${i + 1}`,
        "x-forwarded-for": `198.51.100.${i}`,
      }));
      expect(statuses(rotating)).toEqual([201, 429]);
      ctx.app = await loadApp(ctx.env({ CLIENT_IP_HEADER: undefined }));
    });

    it("reads the address only from the header the deployment trusts (CLIENT_IP_HEADER)", async () => {
      await withLimits({ START_LIMIT_PER_CLIENT: "1", CLIENT_IP_HEADER: "x-real-ip" });
      // A forged X-Forwarded-For does not make a second client.
      const forged = await startTogether(2, (i) => ({
        "x-real-ip": "192.0.2.1",
        "x-forwarded-for": `10.0.0.${i}`,
      }));
      expect(statuses(forged)).toEqual([201, 429]);
      ctx.app = await loadApp(ctx.env({ CLIENT_IP_HEADER: undefined }));
    });
  });
});
