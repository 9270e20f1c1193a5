// A fair share (issue 25): one client cannot hold the whole service. Its address is the socket's
// unless a proxy is declared; it may hold MAX_SESSIONS_PER_CLIENT conversations at once and
// DAILY_SESSION_SECONDS_PER_CLIENT of the day; a resume counts as a start.
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { peerHeaders } from "@/lib/http/peer-address";
import { loadApp, type TestBrowser } from "@/test/app";
import { setUpEquosApp } from "@/test/equos-app";
import { clearLedger } from "@/test/sessions";

type Answer = {
  session?: { id: string; status: string };
  error?: { code: string; message: string };
};

const ctx = setUpEquosApp({}, "v3");

async function withLimits(limits: Record<string, string | undefined>) {
  ctx.app = await loadApp(ctx.env(limits));
  return ctx.app;
}

afterAll(async () => {
  ctx.app = await loadApp(ctx.env());
});
beforeEach(() => clearLedger(ctx.app));

const start = (browser: TestBrowser, headers: Record<string, string>) =>
  browser.call<Answer>("POST /api/sessions", {}, { json: {}, headers });
const pause = (browser: TestBrowser, id: string, headers: Record<string, string>) =>
  browser.call<Answer>("POST /api/sessions/:id/pause", { id }, { headers });
const resume = (browser: TestBrowser, id: string, headers: Record<string, string>) =>
  browser.call<Answer>("POST /api/sessions/:id/resume", { id }, { headers });
const stop = (browser: TestBrowser, id: string, headers: Record<string, string>) =>
  browser.call<Answer>("POST /api/sessions/:id/stop", { id }, { json: {}, headers });

describe("the client's address, with no proxy declared", () => {
  it("is the socket's: rotating X-Forwarded-For gets no more than the per-client limit", async () => {
    await withLimits({ START_LIMIT_PER_CLIENT: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const forged = { ...peerHeaders("192.0.2.50"), "x-forwarded-for": `10.1.${i}.${i + 1}` };
      statuses.push((await start(ctx.app.browser(), forged)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    expect(ctx.fake.callsTo("create")).toHaveLength(3);
    // Another socket is another client.
    expect((await start(ctx.app.browser(), peerHeaders("192.0.2.51"))).status).toBe(201);
  });

  it("is unknown without a genuine stamp: forged stamps and rotating headers share one allowance", async () => {
    await withLimits({ START_LIMIT_PER_CLIENT: "2" });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const forged = {
        "x-forwarded-for": `10.2.${i}.1`,
        "x-real-ip": `10.3.${i}.1`,
        "x-talk-to-jeremy-peer": `not-the-secret 10.4.${i}.1`,
      };
      statuses.push((await start(ctx.app.browser(), forged)).status);
    }
    expect(statuses).toEqual([201, 201, 429, 429, 429]);
  });
});

describe("sessions one client may hold at once (MAX_SESSIONS_PER_CLIENT)", () => {
  it("refuses a third concurrent session while another client still starts", async () => {
    await withLimits({ MAX_SESSIONS_PER_CLIENT: "2", MAX_ACTIVE_SESSIONS: "10" });
    const a = peerHeaders("198.51.100.20");
    const browser = ctx.app.browser();
    const first = await start(browser, a);
    expect(first.status).toBe(201);
    expect((await start(browser, a)).status).toBe(201);

    const third = await start(browser, a);
    expect(third.status).toBe(429);
    expect(third.body.error).toEqual({
      code: "RATE_LIMITED",
      message:
        "You already have 2 conversations with Jeremy going on, as many as one person may hold at once. End one before starting another.",
    });
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);

    const other = await start(ctx.app.browser(), peerHeaders("198.51.100.21"));
    expect(other.status).toBe(201);

    // Ending one makes room for this client again.
    expect((await stop(browser, first.body.session!.id, a)).status).toBe(200);
    expect((await start(browser, a)).status).toBe(201);
    expect(ctx.fake.callsTo("create")).toHaveLength(4);
  });

  it("applies to a resume: a paused conversation cannot come back over the cap", async () => {
    await withLimits({ MAX_SESSIONS_PER_CLIENT: "1" });
    const a = peerHeaders("198.51.100.30");
    const browser = ctx.app.browser();
    const first = (await start(browser, a)).body.session!.id;
    expect((await pause(browser, first, a)).status).toBe(200);
    const second = (await start(browser, a)).body.session!.id;

    const refused = await resume(browser, first, a);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toContain("You already have 1 conversation with Jeremy");
    expect((await stop(browser, second, a)).status).toBe(200);
    expect((await resume(browser, first, a)).status).toBe(200);
  });
});

describe("a client's share of the day (DAILY_SESSION_SECONDS_PER_CLIENT)", () => {
  it("refuses a start that could take one client past its share, not others", async () => {
    // Each conversation may last 600 s (the default), so two fill a 1,200 s share.
    await withLimits({ DAILY_SESSION_SECONDS_PER_CLIENT: "1200" });
    const a = peerHeaders("198.51.100.40");
    const browser = ctx.app.browser();
    expect((await start(browser, a)).status).toBe(201);
    expect((await start(browser, a)).status).toBe(201);
    const refused = await start(browser, a);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.message).toMatch(
      /^The rest of your share of today's conversation time is held by conversations in progress/,
    );
    expect((await start(ctx.app.browser(), peerHeaders("198.51.100.41"))).status).toBe(201);
  });
});

describe("a resume counts as a start (START_LIMIT_PER_CLIENT)", () => {
  it("pause/resume pairs meet the per-client limit", async () => {
    await withLimits({ START_LIMIT_PER_CLIENT: "3" });
    const a = peerHeaders("198.51.100.60");
    const browser = ctx.app.browser();
    const id = (await start(browser, a)).body.session!.id;
    const resumes: number[] = [];
    for (let i = 0; i < 4; i++) {
      expect((await pause(browser, id, a)).status).toBe(200);
      resumes.push((await resume(browser, id, a)).status);
    }
    // One start and two resumes use the three; the rest are refused.
    expect(resumes).toEqual([200, 200, 429, 429]);
    expect(ctx.fake.callsTo("create")).toHaveLength(3);
    // And a new start from the same client is refused as well.
    expect((await start(browser, a)).status).toBe(429);
  });

  it("counts against the client resuming, who holds the conversation from then on", async () => {
    await withLimits({ START_LIMIT_PER_CLIENT: "1" });
    const browser = ctx.app.browser();
    const id = (await start(browser, peerHeaders("198.51.100.70"))).body.session!.id;
    expect((await pause(browser, id, peerHeaders("198.51.100.70"))).status).toBe(200);
    // The same owner on another network (a phone leaving Wi-Fi) is a new client: one start.
    const moved = peerHeaders("198.51.100.71");
    expect((await resume(browser, id, moved)).status).toBe(200);
    expect((await start(browser, moved)).status).toBe(429);
  });
});
