import { beforeEach, describe, expect, it } from "vitest";

import { peerHeaders } from "@/lib/http/peer-address";
import { sleep } from "@/lib/sleep";
import { loadApp } from "@/test/app";
import { setUpEquosApp } from "@/test/equos-app";
import { clearLedger, startSession } from "@/test/sessions";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";

type Usage = {
  days: Array<{ day: string; seconds: number }>;
  endReasons: Record<string, number>;
  billedSeconds: number;
  estimatedCost: number | null;
};

describe("the operator page's sign-in and usage", () => {
  const ctx = setUpEquosApp({ ADMIN_TOKEN, COST_PER_MINUTE: "equos=0.6,local=0" });
  beforeEach(() => clearLedger(ctx.app));

  it("signs in with ADMIN_TOKEN into an HttpOnly cookie that is not the token, and out again", async () => {
    const operator = ctx.app.browser();
    expect((await operator.call("GET /api/admin/usage")).status).toBe(401);

    const wrong = await operator.call("POST /api/admin/session", {}, { json: { token: "guess" } });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie()).toEqual([]);

    const right = await operator.call(
      "POST /api/admin/session",
      {},
      { json: { token: ADMIN_TOKEN } },
    );
    expect(right.status).toBe(204);
    const [cookie] = right.headers.getSetCookie();
    expect(cookie).toMatch(/^jeremy_admin=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toContain(ADMIN_TOKEN);

    expect((await operator.call("GET /api/admin/usage")).status).toBe(200);
    expect((await operator.call("GET /api/admin/sessions")).status).toBe(200);

    expect((await operator.call("DELETE /api/admin/session")).status).toBe(204);
    expect((await operator.call("GET /api/admin/usage")).status).toBe(401);
  });

  it("signing out revokes the sign-in: a copy of the cookie opens nothing afterwards", async () => {
    const operator = ctx.app.browser();
    const right = await operator.call(
      "POST /api/admin/session",
      {},
      { json: { token: ADMIN_TOKEN } },
    );
    const [pair = ""] = (right.headers.getSetCookie()[0] ?? "").split(";");
    const copy = () =>
      ctx.app
        .browser()
        .call("GET /api/admin/usage", {}, { cookies: false, headers: { cookie: pair } });
    expect((await copy()).status).toBe(200);

    expect((await operator.call("DELETE /api/admin/session")).status).toBe(204);
    expect((await copy()).status).toBe(401);
  });

  it("limits sign-in attempts per client, in parallel too, and other clients still sign in", async () => {
    // The client's address as the app reads it: the socket's, stamped on the request.
    const from = (address: string) => peerHeaders(address);
    const attempts = await Promise.all(
      Array.from({ length: 25 }, () =>
        ctx.app
          .browser()
          .call(
            "POST /api/admin/session",
            {},
            { json: { token: "guess" }, headers: from("198.51.100.20") },
          ),
      ),
    );
    const statuses = attempts.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    const refused = attempts.find((res) => res.status === 429);
    expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);

    // Past the limit even the right token waits; another client is not held up.
    const right = { json: { token: ADMIN_TOKEN } };
    const limited = await ctx.app
      .browser()
      .call("POST /api/admin/session", {}, { ...right, headers: from("198.51.100.20") });
    expect(limited.status).toBe(429);
    const other = await ctx.app
      .browser()
      .call("POST /api/admin/session", {}, { ...right, headers: from("198.51.100.21") });
    expect(other.status).toBe(204);
  });

  it("counts only wrong tokens: an operator who signs in again and again is never locked out", async () => {
    const from = peerHeaders("198.51.100.30");
    const signIn = (token: string) =>
      ctx.app.browser().call("POST /api/admin/session", {}, { json: { token }, headers: from });
    for (let i = 0; i < 12; i++) expect((await signIn(ADMIN_TOKEN)).status).toBe(204);
    // The wrong ones still count, all ten of them.
    for (let i = 0; i < 10; i++) expect((await signIn("guess")).status).toBe(401);
    expect((await signIn("guess")).status).toBe(429);
  });

  it("refuses a made-up cookie", async () => {
    const forger = ctx.app.browser();
    const res = await forger.call(
      "GET /api/admin/usage",
      {},
      {
        headers: { cookie: `jeremy_admin=${"0".repeat(64)}` },
      },
    );
    expect(res.status).toBe(401);
  });

  it("reports billed seconds for today, sessions per end reason, and the estimated cost", async () => {
    const person = ctx.app.browser();
    const ended = await startSession(person);
    await sleep(1100);
    const stopped = await person.call<{ session: { durationSeconds: number } }>(
      "POST /api/sessions/:id/stop",
      { id: ended },
      { json: {} },
    );
    await startSession(person); // still open

    const res = await ctx.app.browser().call<Usage>(
      "GET /api/admin/usage",
      {},
      {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      },
    );
    expect(res.status).toBe(200);
    const usage = res.body;
    expect(usage.days).toHaveLength(30);
    expect(usage.days.at(-1)).toEqual({
      day: new Date().toISOString().slice(0, 10),
      seconds: stopped.body.session.durationSeconds,
    });
    expect(usage.billedSeconds).toBe(stopped.body.session.durationSeconds);
    expect(usage.endReasons).toEqual({ hangup: 1, open: 1 });
    expect(usage.estimatedCost).toBe(
      Math.round((stopped.body.session.durationSeconds / 60) * 0.6 * 100) / 100,
    );
  });

  it("does not exist without ADMIN_TOKEN", async () => {
    const app = await loadApp(ctx.env({ ADMIN_TOKEN: undefined }));
    const res = await app.browser().call("POST /api/admin/session", {}, { json: { token: "x" } });
    expect(res.status).toBe(404);
    expect((await app.browser().call("GET /api/admin/usage")).status).toBe(404);
    ctx.app = await loadApp(ctx.env());
  });
});
