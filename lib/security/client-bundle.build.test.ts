import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { copyProject, nextBuild, nextStart, removeCopy, skipTypeCheck } from "@/test/build-copy";
import { freePort } from "@/test/ports";

// Builds the app for production (about a minute) with known secret values, then reads every
// file a browser can be served (client assets, prerendered pages and their RSC payloads,
// public/) and, from the built app running, the pages rendered per request and the answers of
// the API when its database is unreachable. None may contain a secret, in plain text or base64.
const secret = (label: string) => `${label}-${randomBytes(12).toString("hex")}`;
const SECRETS = {
  EQUOS_API_KEY: secret("eq_live"),
  LIVEKIT_API_SECRET: secret("lk-secret"),
  DATABASE_PASSWORD: secret("pg-password"),
  ADMIN_TOKEN: secret("admin-token"),
  CRON_SECRET: secret("cron-secret"),
};

const BUILD_ENV = {
  NODE_ENV: "production" as const,
  AVATAR_PROVIDER: "local",
  LIVEKIT_URL: "wss://media.secrets-test.example",
  LIVEKIT_API_KEY: "APIsecretstest",
  LIVEKIT_API_SECRET: SECRETS.LIVEKIT_API_SECRET,
  // Set although the local avatar is chosen: a key that is configured must not leak either.
  EQUOS_API_KEY: SECRETS.EQUOS_API_KEY,
  DATABASE_URL: `postgresql://jeremy:${SECRETS.DATABASE_PASSWORD}@db.secrets-test.invalid:5432/jeremy`,
  ADMIN_TOKEN: SECRETS.ADMIN_TOKEN,
  CRON_SECRET: SECRETS.CRON_SECRET,
};

function filesUnder(dir: string, keep: (file: string) => boolean = () => true): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file, keep) : keep(file) ? [file] : [];
  });
}

/** Every file the built app may send to a browser. */
function servedFiles(project: string): string[] {
  const next = path.join(project, ".next");
  return [
    ...filesUnder(path.join(next, "static")),
    ...filesUnder(path.join(next, "server", "app"), (file) => /\.(html|rsc|body)$/.test(file)),
    ...filesUnder(path.join(project, "public")),
  ];
}

function leaksIn(content: Buffer): string[] {
  return Object.entries(SECRETS).flatMap(([name, value]) =>
    [value, Buffer.from(value).toString("base64"), encodeURIComponent(value)].some((form) =>
      content.includes(form),
    )
      ? [name]
      : [],
  );
}

let project: string;
let files: string[];
const responses: Array<{ what: string; body: Buffer }> = [];

/** What the running app sends for requests anyone can make. */
async function fetchServed(url: string) {
  const requests: Array<[string, RequestInit]> = [
    ["/", {}],
    ["/", { headers: { RSC: "1" } }],
    ["/no-such-page", {}],
    ["/api/health", {}],
    [
      "/api/sessions",
      { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
    ],
  ];
  for (const [path, init] of requests) {
    const res = await fetch(`${url}${path}`, init);
    const headers = JSON.stringify([...res.headers]);
    responses.push({
      what: `${init.method ?? "GET"} ${path} ${JSON.stringify(init.headers ?? {})} → ${res.status}`,
      body: Buffer.concat([Buffer.from(headers), Buffer.from(await res.arrayBuffer())]),
    });
  }
}

beforeAll(async () => {
  project = copyProject(process.cwd());
  skipTypeCheck(project);
  await nextBuild(project, BUILD_ENV);
  files = servedFiles(project);
  // No sweeper: the database is deliberately out of reach.
  const app = await nextStart(project, await freePort(), {
    ...BUILD_ENV,
    SWEEP_INTERVAL_SECONDS: "0",
  });
  try {
    await fetchServed(app.url);
  } finally {
    await app.stop();
  }
}, 600_000);

afterAll(() => {
  if (project) removeCopy(project);
});

describe("no secret reaches the browser", () => {
  it("reads a real production build: scripts, styles and prerendered pages", () => {
    expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(5);
    expect(files.some((file) => file.endsWith(".css"))).toBe(true);
    const html = files.filter((file) => file.endsWith(".html"));
    expect(html.length).toBeGreaterThan(0);
    // The check below would find a secret: here is one that is meant to be in every page.
    expect(html.some((file) => readFileSync(file).includes("/_next/static/"))).toBe(true);
  });

  it("finds none of the secrets in any served file", () => {
    const leaks = files.flatMap((file) =>
      leaksIn(readFileSync(file)).map((name) => `${name} in ${path.relative(project, file)}`),
    );
    expect(leaks).toEqual([]);
  });

  it("finds none of them in the pages and answers the running app sends", () => {
    expect(responses.map((r) => r.what)).toEqual([
      expect.stringMatching(/^GET \/ \{\} → 200$/),
      expect.stringMatching(/^GET \/ .*RSC.* → 200$/),
      expect.stringMatching(/→ 404$/),
      expect.stringMatching(/health.* → 503$/),
      expect.stringMatching(/POST \/api\/sessions .* → 500$/),
    ]);
    const page = responses[0]!.body.toString();
    expect(page).toContain("<html"); // a real page, rendered with the secrets in its environment
    const leaks = responses.flatMap((r) => leaksIn(r.body).map((name) => `${name} in ${r.what}`));
    expect(leaks).toEqual([]);
  });

  it("would notice a leak", () => {
    expect(leaksIn(Buffer.from(`const key = "${SECRETS.EQUOS_API_KEY}";`))).toEqual([
      "EQUOS_API_KEY",
    ]);
    expect(leaksIn(Buffer.from(Buffer.from(SECRETS.CRON_SECRET).toString("base64")))).toEqual([
      "CRON_SECRET",
    ]);
  });
});
