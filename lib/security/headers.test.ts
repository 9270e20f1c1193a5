import { execFileSync } from "node:child_process";

import { describe, expect, it } from "vitest";

import { contentSecurityPolicy, securityHeaders, type SecurityHeaderOptions } from "./headers";

const base: SecurityHeaderOptions = {
  livekitUrl: "wss://jeremy-abc123.livekit.cloud",
  livekitCloud: false,
  extraConnectSrc: [],
  mode: "production",
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split("; ").map((directive) => {
      const [name = "", ...sources] = directive.split(" ");
      return [name, sources];
    }),
  );
}

/** The headers next.config.mjs gives every route, as `next build` computes them under `env`. */
function configuredHeaders(
  env: Record<string, string> & { NODE_ENV: "development" | "production" },
): Record<string, string> {
  const output = execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      "const config = (await import('./next.config.mjs')).default; console.log(JSON.stringify(await config.headers()));",
    ],
    {
      // Only what node needs and the variables under test: nothing from this process's env.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEXT_TELEMETRY_DISABLED: "1",
        ...env,
      },
      encoding: "utf8",
    },
  );
  const rules = JSON.parse(output.trim().split("\n").at(-1)!) as Array<{
    source: string;
    headers: Array<{ key: string; value: string }>;
  }>;
  expect(rules.map((rule) => rule.source)).toEqual(["/:path*"]);
  return Object.fromEntries(rules[0]!.headers.map((header) => [header.key, header.value]));
}

describe("Content-Security-Policy", () => {
  it("lets the page connect only to itself and the LiveKit server in use", () => {
    const csp = directives(contentSecurityPolicy({ ...base, livekitUrl: "wss://rtc.example.com" }));
    expect(csp.get("connect-src")).toEqual([
      "'self'",
      "wss://rtc.example.com",
      "https://rtc.example.com",
    ]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("media-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
  });

  it("allows the local dev server by both its names, over ws and http", () => {
    const csp = directives(contentSecurityPolicy({ ...base, livekitUrl: "ws://127.0.0.1:7880" }));
    expect(csp.get("connect-src")).toEqual([
      "'self'",
      "ws://127.0.0.1:7880",
      "http://127.0.0.1:7880",
      "ws://localhost:7880",
      "http://localhost:7880",
    ]);
  });

  it("adds LiveKit Cloud's region hosts for a Cloud URL, or for rooms the provider hosts", () => {
    const cloud = directives(contentSecurityPolicy(base)).get("connect-src");
    expect(cloud).toEqual(
      expect.arrayContaining([
        "wss://jeremy-abc123.livekit.cloud",
        "wss://*.livekit.cloud",
        "https://*.livekit.cloud",
      ]),
    );
    const hosted = directives(
      contentSecurityPolicy({ ...base, livekitUrl: null, livekitCloud: true }),
    );
    expect(hosted.get("connect-src")).toEqual([
      "'self'",
      "wss://*.livekit.cloud",
      "https://*.livekit.cloud",
    ]);
  });

  it("adds CSP_CONNECT_SRC's sources", () => {
    const csp = directives(
      contentSecurityPolicy({ ...base, extraConnectSrc: ["wss://rooms.vendor.example"] }),
    );
    expect(csp.get("connect-src")).toContain("wss://rooms.vendor.example");
  });

  it("allows images from the app alone, plus the avatar picture's sources when given", () => {
    expect(directives(contentSecurityPolicy(base)).get("img-src")).toEqual([
      "'self'",
      "data:",
      "blob:",
    ]);
    const equos = contentSecurityPolicy({ ...base, imageSources: ["https://img.example"] });
    expect(directives(equos).get("img-src")).toContain("https://img.example");
  });

  it("loosens only what hot reloading needs, and only in development", () => {
    const dev = directives(contentSecurityPolicy({ ...base, mode: "development" }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toContain("ws:");
    const prod = directives(contentSecurityPolicy(base));
    expect(prod.get("script-src")).not.toContain("'unsafe-eval'");
    expect(prod.get("connect-src")).not.toContain("ws:");
  });
});

describe("security headers", () => {
  it("sends the usual set, with HSTS in production only", () => {
    const headers = Object.fromEntries(securityHeaders(base).map((h) => [h.key, h.value]));
    expect(headers).toMatchObject({
      "Permissions-Policy": expect.stringMatching(/^microphone=\(self\), camera=\(\)/),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
    });
    const dev = securityHeaders({ ...base, mode: "development" }).map((h) => h.key);
    expect(dev).not.toContain("Strict-Transport-Security");
  });

  it("is what next.config.mjs serves for every path, with the LiveKit URL from lib/env.ts", () => {
    const headers = configuredHeaders({
      NODE_ENV: "production",
      AVATAR_PROVIDER: "local",
      LIVEKIT_URL: "wss://media.jeremy.example:7443",
      LIVEKIT_API_KEY: "APIkey",
      LIVEKIT_API_SECRET: "secret-0123456789",
    });
    const csp = directives(headers["Content-Security-Policy"]!);
    expect(csp.get("connect-src")).toEqual([
      "'self'",
      "wss://media.jeremy.example:7443",
      "https://media.jeremy.example:7443",
    ]);
    expect(headers["Strict-Transport-Security"]).toBeDefined();
    expect(headers["X-Frame-Options"]).toBe("DENY");
  });

  it("allows the local LiveKit dev server and hot reloading under `next dev` with nothing set", () => {
    const headers = configuredHeaders({ NODE_ENV: "development" });
    const csp = directives(headers["Content-Security-Policy"]!);
    expect(csp.get("connect-src")).toEqual(
      expect.arrayContaining(["ws://127.0.0.1:7880", "ws://localhost:7880", "ws:"]),
    );
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
  });

  it("allows LiveKit Cloud, not the unused local server, when Equos hosts the rooms", () => {
    const headers = configuredHeaders({
      NODE_ENV: "production",
      AVATAR_PROVIDER: "equos",
      EQUOS_API_KEY: "eq_key",
      EQUOS_AVATAR_ID: "avatar",
      EQUOS_AGENT_ID: "agent",
      CSP_CONNECT_SRC: "wss://rooms.equos.example",
    });
    const connect = directives(headers["Content-Security-Policy"]!).get("connect-src");
    expect(connect).toEqual([
      "'self'",
      "wss://*.livekit.cloud",
      "https://*.livekit.cloud",
      "wss://rooms.equos.example",
    ]);
  });

  it("allows the Equos avatar's picture: a v1 image URL's origin, a v3 character's from https", () => {
    const imgSrc = (env: Record<string, string>) =>
      directives(
        configuredHeaders({
          NODE_ENV: "production",
          AVATAR_PROVIDER: "equos",
          EQUOS_API_KEY: "eq_key",
          ...env,
        })["Content-Security-Policy"]!,
      ).get("img-src");
    expect(
      imgSrc({
        EQUOS_AVATAR_IMAGE_URL: "https://images.example/jeremy.png",
        EQUOS_AGENT_ID: "agent",
      }),
    ).toEqual(["'self'", "data:", "blob:", "https://images.example"]);
    expect(imgSrc({ EQUOS_CHARACTER_ID: "char_1" })).toEqual([
      "'self'",
      "data:",
      "blob:",
      "https:",
    ]);
  });
});
