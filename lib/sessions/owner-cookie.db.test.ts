// The owner cookie proves a browser started a session, so only a key the server issued may be
// adopted: a value planted in the browser (by a sibling subdomain, or a page on the same
// machine) must never become the key of the session the victim starts next.
import { describe, expect, it } from "vitest";

import { setUpEquosApp } from "@/test/equos-app";
import type { SessionBody } from "@/test/sessions";

/** The owner cookie a response set: its name, value and attributes. */
function ownerCookie(headers: Headers) {
  const line = headers.getSetCookie().find((cookie) => /jeremy_owner=/.test(cookie)) ?? "";
  const [pair = ""] = line.split(";");
  const [name = "", value = ""] = pair.split("=");
  return { name, value, line };
}

describe("in development", () => {
  const ctx = setUpEquosApp();

  it("adopts no owner key it did not issue: a planted one gets a fresh key, and no power", async () => {
    const planted = "A".repeat(43);
    const victim = await ctx.app
      .browser()
      .call<SessionBody>(
        "POST /api/sessions",
        {},
        { json: {}, cookies: false, headers: { cookie: `jeremy_owner=${planted}` } },
      );
    expect(victim.status).toBe(201);
    const issued = ownerCookie(victim.headers);
    expect(issued.value).not.toBe("");
    expect(issued.value).not.toBe(planted);

    const id = victim.body.session.id;
    const asPlanter = await ctx.app
      .browser()
      .call(
        "POST /api/sessions/:id/stop",
        { id },
        { json: {}, cookies: false, headers: { cookie: `jeremy_owner=${planted}` } },
      );
    expect(asPlanter.status).toBe(403);
    const asVictim = await ctx.app
      .browser()
      .call(
        "GET /api/sessions/:id",
        { id },
        { cookies: false, headers: { cookie: `jeremy_owner=${issued.value}` } },
      );
    expect(asVictim.status).toBe(200);
  });

  it("refuses a well-formed key signed with another secret", async () => {
    const first = await ctx.app.browser().call<SessionBody>("POST /api/sessions", {}, { json: {} });
    const issued = ownerCookie(first.headers).value;
    const [nonce = ""] = issued.split(".");
    const forged = `${nonce}.${"B".repeat(43)}`;
    const second = await ctx.app
      .browser()
      .call(
        "POST /api/sessions",
        {},
        { json: {}, cookies: false, headers: { cookie: `jeremy_owner=${forged}` } },
      );
    expect(ownerCookie(second.headers).value).not.toBe(forged);
  });

  it("keeps the key it issued for the browser's next session", async () => {
    const browser = ctx.app.browser();
    const first = await browser.call<SessionBody>("POST /api/sessions", {}, { json: {} });
    const second = await browser.call<SessionBody>("POST /api/sessions", {}, { json: {} });
    expect(ownerCookie(second.headers).value).toBe(ownerCookie(first.headers).value);
    const owned = await browser.call("GET /api/sessions/:id", { id: first.body.session.id });
    expect(owned.status).toBe(200);
  });
});

describe("in production", () => {
  // The start limits (on in production) are not what this tests.
  const ctx = setUpEquosApp({
    NODE_ENV: "production",
    CLIENT_IP_HEADER: "x-real-ip",
    START_LIMIT_PER_CLIENT: "0",
    MAX_ACTIVE_SESSIONS: "0",
    DAILY_SESSION_SECONDS: "0",
  });

  it("names the cookie __Host- (Secure, path /) for its public host, and reads only that", async () => {
    const headers = {
      "x-real-ip": "203.0.113.9",
      host: "jeremy.example",
      "x-forwarded-proto": "https",
    };
    const browser = ctx.app.browser();
    const res = await browser.call<SessionBody>("POST /api/sessions", {}, { json: {}, headers });
    expect(res.status).toBe(201);
    const cookie = ownerCookie(res.headers);
    expect(cookie.name).toBe("__Host-jeremy_owner");
    expect(cookie.line).toMatch(/; Secure/i);
    expect(cookie.line).toMatch(/; Path=\/(;|$)/);
    expect(cookie.line).not.toMatch(/Domain=/i);

    const id = res.body.session.id;
    expect((await browser.call("GET /api/sessions/:id", { id }, { headers })).status).toBe(200);
    // The same key under the unprefixed name (as a subdomain could set it) proves nothing.
    const unprefixed = await ctx.app
      .browser()
      .call(
        "GET /api/sessions/:id",
        { id },
        { cookies: false, headers: { ...headers, cookie: `jeremy_owner=${cookie.value}` } },
      );
    expect(unprefixed.status).toBe(403);
  });

  it("keeps the plain name over http to localhost, where browsers refuse the prefix", async () => {
    const headers = { "x-real-ip": "203.0.113.10", host: "localhost:3100" };
    const res = await ctx.app
      .browser()
      .call<SessionBody>("POST /api/sessions", {}, { json: {}, headers });
    expect(res.status).toBe(201);
    const cookie = ownerCookie(res.headers);
    expect(cookie.name).toBe("jeremy_owner");
    expect(cookie.line).toMatch(/; Secure/i);
  });
});
