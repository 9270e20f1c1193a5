import { AccessToken } from "livekit-server-sdk";
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

import { LIVEKIT_DEV_DEFAULTS } from "@/lib/env";
import { ROUTE_NAMES, type RouteName } from "@/test/app";
import {
  CONTENT_TYPES,
  headerSafe,
  junkBody,
  junkId,
  seededRandom,
  type Random,
} from "@/test/bad-input";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { signWebhook } from "@/test/livekit-webhook";
import { clearLedger, startSession } from "@/test/sessions";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const CRON_SECRET = "cron-secret-for-tests-0123456789";
const SEED = Number(process.env.FUZZ_SEED ?? 20261121);
const REQUESTS = 1500;

// Every route live: admin and cron included, so that their checks are exercised too.

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({ ADMIN_TOKEN, CRON_SECRET }, version);

  let errors: MockInstance<typeof console.error>;
  beforeEach(() => {
    errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  async function workerToken(room: string) {
    const token = new AccessToken(LIVEKIT_DEV_DEFAULTS.apiKey, LIVEKIT_DEV_DEFAULTS.apiSecret, {
      identity: "jeremy-worker",
      ttl: 60,
    });
    token.addGrant({ room, roomJoin: false });
    return token.toJwt();
  }

  interface Owner {
    id: string;
    cookie: string;
  }

  /** One generated request: which route, with what id, headers, query and body. */
  async function generate(r: Random, owner: Owner) {
    const name: RouteName = r.pick(ROUTE_NAMES);
    const method = name.split(" ")[0]!;
    const params: Record<string, string> = name.includes(":id") ? { id: junkId(r, owner.id) } : {};
    const body = method === "GET" ? undefined : junkBody(r);
    const headers: Record<string, string> = {};
    const contentType = r.pick(CONTENT_TYPES);
    if (contentType) headers["content-type"] = contentType;
    if (r.chance(0.5)) {
      headers.cookie = r.pick([
        owner.cookie,
        "jeremy_owner=garbage",
        `jeremy_owner=${"A".repeat(43)}`,
        "__proto__=1; constructor=2; jeremy_owner=",
        `jeremy_owner=${"x".repeat(8_000)}`,
        headerSafe("jeremy_owner=☃"),
      ]);
    }
    if (r.chance(0.4)) {
      const text = typeof body === "string" ? body : "";
      headers.authorization = r.pick([
        "garbage",
        "Bearer ",
        "Basic YWRtaW46YWRtaW4=",
        `Bearer ${ADMIN_TOKEN}`,
        `Bearer ${CRON_SECRET}`,
        `Bearer ${await workerToken(owner.id)}`,
        await signWebhook(text),
        `Bearer ${"x".repeat(5_000)}`,
      ]);
    }
    if (r.chance(0.2)) {
      headers.origin = r.pick(
        ["http://localhost:3000", "https://evil.example", "null", "☃"].map(headerSafe),
      );
    }
    if (r.chance(0.2))
      headers["sec-fetch-site"] = r.pick(["same-origin", "cross-site", "none", "??"]);
    if (r.chance(0.2)) {
      headers["x-forwarded-for"] = headerSafe(
        r.pick(["203.0.113.5", "", ",,,", "1.1.1.1, 2.2.2.2", "☃", "x".repeat(2_000)]),
      );
    }
    const query =
      method === "GET" && r.chance(0.5)
        ? r.pick([
            { limit: "-1" },
            { limit: "1e309" },
            { limit: "lots" },
            { status: "__proto__" },
            { status: "ACTIVE", extra: "1" },
            Object.fromEntries([["__proto__", "x"]]) as Record<string, string>,
          ])
        : undefined;
    return { name, params, body, headers, query };
  }

  function expectValidRow(row: {
    status: string;
    providerSessionId: string | null;
    startedAt: Date | null;
    endedAt: Date | null;
    endReason: string | null;
    durationSeconds: number | null;
    stopClaimedAt: Date | null;
    nextStopAttemptAt: Date | null;
    pausedAt: Date | null;
  }) {
    expect(row.stopClaimedAt).toBeNull();
    expect(row.nextStopAttemptAt).toBeNull();
    expect(row.providerSessionId).not.toBeNull();
    expect(row.startedAt).not.toBeNull();
    if (row.status === "ACTIVE") {
      expect(row).toMatchObject({ endedAt: null, endReason: null, durationSeconds: null });
    } else if (row.status === "PAUSED") {
      // A valid pause among the requests: resumable, nothing running at the provider.
      expect(row).toMatchObject({ endedAt: null, endReason: null, durationSeconds: null });
      expect(row.pausedAt).not.toBeNull();
    } else {
      expect(row.status).toBe("ENDED");
      expect(row.endedAt).not.toBeNull();
      expect(row.endReason).not.toBeNull();
      expect(row.durationSeconds).toBeGreaterThanOrEqual(0);
    }
  }

  describe(`${REQUESTS} malformed requests across every route (FUZZ_SEED=${SEED})`, () => {
    it(
      "never answer 5xx, never throw, and leave the ledger consistent",
      { timeout: 300_000 },
      async () => {
        // On PostgreSQL the file's database holds the other API version's run too.
        await clearLedger(ctx.app);
        const r = seededRandom(SEED);
        const created = new Set<string>();
        let storedLines = 0;
        const seenStatuses = new Map<number, number>();

        let owner: Owner = { id: "", cookie: "" };
        const newOwner = async () => {
          const browser = ctx.app.browser();
          const id = await startSession(browser);
          created.add(id);
          // The cookie the browser got, to replay on generated requests.
          const res = await browser.call("GET /api/sessions/:id", { id });
          expect(res.status).toBe(200);
          const cookie = (browser as unknown as { cookies: Map<string, string> }).cookies;
          owner = { id, cookie: [...cookie].map(([k, v]) => `${k}=${v}`).join("; ") };
        };
        await newOwner();

        for (let i = 0; i < REQUESTS; i++) {
          if (i % 250 === 249) await newOwner();
          const request = await generate(r, owner);
          const where = `request ${i} (FUZZ_SEED=${SEED}): ${request.name} ${JSON.stringify(request.params).slice(0, 100)}`;
          let res;
          try {
            res = await ctx.app.browser().call<{
              error?: { code: unknown; message: unknown };
              session?: { id: string };
              stored?: number;
            }>(request.name, request.params, {
              body: request.body,
              headers: request.headers,
              query: request.query,
              cookies: false,
            });
          } catch (error) {
            throw new Error(`${where} threw: ${String(error)}`, { cause: error });
          }
          seenStatuses.set(res.status, (seenStatuses.get(res.status) ?? 0) + 1);
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) {
            expect(typeof res.body.error?.code, where).toBe("string");
            expect(typeof res.body.error?.message, where).toBe("string");
          }
          if (request.name === "POST /api/sessions" && res.status === 201)
            created.add(res.body.session!.id);
          if (request.name === "POST /api/worker/sessions/:id/transcript" && res.status === 200) {
            storedLines += res.body.stored ?? 0;
          }
        }

        console.log(
          `Statuses: ${JSON.stringify(Object.fromEntries(seenStatuses))}, sessions: ${created.size}`,
        );
        // Mostly refusals, of many kinds; a few requests were valid and did their work.
        expect([...seenStatuses.keys()].sort()).toEqual(
          expect.arrayContaining([400, 401, 403, 404, 413, 415]),
        );
        expect(
          errors.mock.calls.filter((call) => String(call[0]).startsWith("Unexpected error")),
        ).toEqual([]);

        const db = await ctx.app.db();
        const rows = await db.session.findMany();
        // No row was created by a rejected request.
        expect(new Set(rows.map((row) => row.id))).toEqual(created);
        for (const row of rows) {
          expectValidRow(row);
          const atProvider = ctx.fake.sessions.get(row.providerSessionId!);
          expect(atProvider?.endedAt === null, row.id).toBe(row.status === "ACTIVE");
        }
        expect(await db.transcriptLine.count()).toBe(storedLines);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty("polluted");
      },
    );
  });

  describe("methods", () => {
    // Next answers 405 for any method a route module does not export, so the exports are the
    // whole surface; these are the only ones there may be. (Static imports: Vite cannot follow a
    // template import.)
    it.each<[string, string[], () => Promise<Record<string, unknown>>]>([
      ["app/api/sessions/route", ["POST"], () => import("@/app/api/sessions/route")],
      ["app/api/sessions/[id]/route", ["GET"], () => import("@/app/api/sessions/[id]/route")],
      [
        "app/api/sessions/[id]/stop/route",
        ["POST"],
        () => import("@/app/api/sessions/[id]/stop/route"),
      ],
      [
        "app/api/sessions/[id]/heartbeat/route",
        ["POST"],
        () => import("@/app/api/sessions/[id]/heartbeat/route"),
      ],
      ["app/api/cron/reap/route", ["GET"], () => import("@/app/api/cron/reap/route")],
      ["app/api/livekit/webhook/route", ["POST"], () => import("@/app/api/livekit/webhook/route")],
      [
        "app/api/worker/sessions/[id]/transcript/route",
        ["POST"],
        () => import("@/app/api/worker/sessions/[id]/transcript/route"),
      ],
      ["app/api/admin/sessions/route", ["GET"], () => import("@/app/api/admin/sessions/route")],
      [
        "app/api/admin/sessions/[id]/route",
        ["GET"],
        () => import("@/app/api/admin/sessions/[id]/route"),
      ],
      [
        "app/api/admin/sessions/[id]/stop/route",
        ["POST"],
        () => import("@/app/api/admin/sessions/[id]/stop/route"),
      ],
      ["app/api/health/route", ["GET"], () => import("@/app/api/health/route")],
    ])("%s exports only %j", async (_path, methods, load) => {
      const routeModule = await load();
      const exported = Object.keys(routeModule).filter((key) =>
        ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].includes(key),
      );
      expect(exported).toEqual(methods);
    });
  });
});
