// The whole app in Vercel's shape: the build a Vercel deployer gets by following the README,
// served by three read-only instances behind a router that picks one at random per request and
// cold-starts them every few requests, with PostgreSQL behind PgBouncer in transaction mode and
// the fake Equos over a real socket. Every session must end, with the right reason.
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { CLAIM_LEASE_MS } from "@/lib/sessions/stop-budget";

import { copyProject, nextBuild, removeCopy, skipTypeCheck } from "../build-copy";
import { FAKE_CHARACTER, FakeEquos } from "../fake-equos";
import { startPgBouncer, type Pooler } from "../pgbouncer";
import { advisoryLocks, runSql } from "../sql";
import { Instance, isReadOnlyForInstances } from "./instances";
import { PIN_HEADER, RandomProxy } from "./proxy";
import { readmePaths, readmeVariables } from "./vercel-readme";

const CONVERSATIONS = 20;
const ABANDONED = 5;
const INSTANCES = 3;

const adminUrl = process.env.DATABASE_URL ?? "";
const databaseName = `jeremy_serverless_${randomBytes(5).toString("hex")}`;
const databaseUrl = (() => {
  const url = new URL(adminUrl || "postgresql://localhost/x");
  url.pathname = `/${databaseName}`;
  return url.toString();
})();

/** A seeded generator, so that every run makes the same routing and cold-start choices. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

const sql = runSql;

describe("the app in Vercel's shape", () => {
  let fake: FakeEquos;
  let pooler: Pooler;
  let copy: string;
  let proxy: RandomProxy;
  const instances: Instance[] = [];
  const cronSecret = randomBytes(24).toString("hex");
  // What the README tells a deployer to set, with this test's values for the placeholders.
  let variables: Record<string, string>;

  beforeAll(async () => {
    if (!adminUrl)
      throw new Error(
        "Set DATABASE_URL to a PostgreSQL server this test may create a database on.",
      );
    fake = await FakeEquos.start();
    variables = readmeVariables((name) => {
      const values: Record<string, string> = {
        EQUOS_API_KEY: fake.apiKey,
        EQUOS_CHARACTER_ID: FAKE_CHARACTER.id,
        CRON_SECRET: cronSecret,
      };
      if (!values[name]) throw new Error(`The test has no value for the README's ${name}`);
      return values[name];
    });
    await sql(adminUrl, `CREATE DATABASE ${databaseName}`);
    pooler = await startPgBouncer(databaseUrl);
    copy = copyProject(process.cwd());
    skipTypeCheck(copy);
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    for (const instance of instances) instance.kill();
    await pooler?.stop();
    await fake?.close();
    if (copy) removeCopy(copy);
    if (adminUrl) await sql(adminUrl, `DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  }, 60_000);

  it("refuses to build on Vercel without a database, saying what to set", async () => {
    const build = nextBuild(copy, { NODE_ENV: "production", VERCEL: "1", ...variables });
    await expect(build).rejects.toThrow(/DATABASE_URL: required on Vercel.*set DATABASE_URL/);
  }, 120_000);

  it("ends every session, through random instances, cold starts and a transaction pooler", async () => {
    // The variables Vercel's Neon integration adds: a pooled URL, and a direct one.
    const database = {
      DATABASE_URL: pooler.pooledUrl(databaseUrl),
      DATABASE_URL_UNPOOLED: databaseUrl,
    };
    await nextBuild(copy, { NODE_ENV: "production", VERCEL: "1", ...variables, ...database });
    expect(
      isReadOnlyForInstances(copy),
      "instances must not be able to write the app's folder",
    ).toBe(true);

    const runtime = {
      NODE_ENV: "production",
      VERCEL: "1",
      NEXT_TELEMETRY_DISABLED: "1",
      ...variables,
      ...database,
      // The test's own: where the fake Equos listens, and a shorter wait before a quiet page is
      // taken for gone, so abandoned sessions end in seconds.
      EQUOS_API_URL: fake.url,
      HEARTBEAT_TIMEOUT_SECONDS: "5",
    };
    for (let index = 0; index < INSTANCES; index++) {
      // The last instance has no direct URL: it migrates (or finds nothing to do) through the pooler.
      const env =
        index === INSTANCES - 1
          ? Object.fromEntries(
              Object.entries(runtime).filter(([name]) => name !== "DATABASE_URL_UNPOOLED"),
            )
          : runtime;
      instances.push(await Instance.create(index, copy, env));
    }
    // Every instance's first cold start at once, on an empty database.
    await Promise.all(instances.map((instance) => instance.restart()));
    proxy = new RandomProxy(instances, { coldStartChance: 0.2, random: seeded(7) });
    await proxy.listen();

    const visit = (ip: string) => new Visitor(proxy.url, ip);

    // 20 conversations, four at a time: start, heartbeats, a look, hang up.
    const ended: string[] = [];
    for (let first = 0; first < CONVERSATIONS; first += 4) {
      const batch = Array.from({ length: 4 }, (_, offset) => first + offset);
      ended.push(
        ...(await Promise.all(
          batch.map(async (n) => {
            const visitor = visit(`198.51.100.${n + 1}`);
            const id = await visitor.start();
            for (let beat = 0; beat < 3; beat++) {
              expect((await visitor.call("POST", `/api/sessions/${id}/heartbeat`)).status).toBe(
                204,
              );
            }
            const look = await visitor.call("GET", `/api/sessions/${id}`);
            expect(look.status).toBe(200);
            await visitor.stopUntilEnded(id);
            return id;
          }),
        )),
      );
    }

    // A tab closes while the instance its beacon reaches is cold-starting.
    const closing = visit("198.51.100.200");
    const closedId = await closing.start();
    const target = instances[1]!;
    const restart = target.restart();
    const beacon = await closing.call("POST", `/api/sessions/${closedId}/stop`, {
      body: JSON.stringify({ reason: "page_closed" }),
      contentType: "text/plain;charset=UTF-8",
      pin: target.index,
    });
    await restart;
    expect([200, 202]).toContain(beacon.status);

    // Five pages go quiet after one heartbeat; no cron runs: later requests sweep them.
    const abandoned: string[] = [];
    for (let n = 0; n < ABANDONED; n++) {
      const visitor = visit(`198.51.100.${100 + n}`);
      const id = await visitor.start();
      expect((await visitor.call("POST", `/api/sessions/${id}/heartbeat`)).status).toBe(204);
      abandoned.push(id);
    }

    const passerby = visit("192.0.2.1");
    const deadline = Date.now() + 90_000;
    let open: Array<{ id: string }> = [];
    do {
      await passerby.call("GET", "/api/health"); // any request to the app may sweep after it
      await sleep(500);
      open = await sql(databaseUrl, `SELECT id FROM "Session" WHERE status <> 'ENDED'`);
    } while (open.length > 0 && Date.now() < deadline);
    expect(open, "sessions still open after 90 s of traffic").toEqual([]);

    const rows = await sql<{ id: string; endReason: string; durationSeconds: number | null }>(
      databaseUrl,
      `SELECT id, "endReason", "durationSeconds" FROM "Session"`,
    );
    const reasonOf = new Map(rows.map((row) => [row.id, row.endReason]));
    expect(rows).toHaveLength(CONVERSATIONS + 1 + ABANDONED);
    for (const id of ended) expect(reasonOf.get(id)).toBe("hangup");
    expect(reasonOf.get(closedId)).toBe("page_closed");
    for (const id of abandoned) expect(reasonOf.get(id)).toBe("heartbeat_lost");
    for (const row of rows) expect(row.durationSeconds).not.toBeNull();
    expect(fake.running(), "conversations left running at Equos").toEqual([]);

    // The README's cron path, called as Vercel Cron calls it; the webhook URL it names is the
    // app's own route (off here: this deployment has no LiveKit of its own).
    const paths = readmePaths();
    expect(paths).toEqual(expect.arrayContaining(["/api/cron/reap", "/api/livekit/webhook"]));
    const cron = await passerby.call("GET", "/api/cron/reap", { bearer: cronSecret });
    expect(cron.status).toBe(200);
    expect((await passerby.call("GET", "/api/cron/reap")).status).toBe(401);
    const webhook = await passerby.call("POST", "/api/livekit/webhook", { bearer: "x" });
    expect(webhook.status).toBe(404);
    expect(webhook.body).toMatchObject({ error: { code: "NOT_FOUND" } });

    // No lock left behind, each migration applied once, by one cold start only.
    expect(await advisoryLocks(databaseUrl)).toEqual([]);
    const migrations = readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const applied = await sql<{ migration_name: string }>(
      databaseUrl,
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(applied.map((row) => row.migration_name)).toEqual(migrations);
    const logs = instances.map((instance) => instance.log).join("");
    expect(logs.match(/Database migrations applied/g) ?? []).toHaveLength(1);

    // The shape really was exercised: many cold starts, every instance used, nothing failed.
    const coldStarts = instances.reduce((sum, instance) => sum + instance.coldStarts, 0);
    console.log(
      `serverless shape: ${proxy.answers.length} requests, ${coldStarts} cold starts ` +
        `(${instances.map((instance) => instance.coldStarts).join(" + ")}), ${rows.length} sessions`,
    );
    expect(coldStarts).toBeGreaterThanOrEqual(INSTANCES + 10);
    for (const instance of instances) {
      expect(proxy.answers.some((answer) => answer.instance === instance.index)).toBe(true);
    }
    const failed = proxy.answers.filter((answer) => answer.status >= 500);
    expect(failed, logs.slice(-6000)).toEqual([]);
    expect(logs).not.toMatch(/Unexpected error|EROFS/);
  }, 480_000);

  // Stop claims are leases (lib/sessions/stop-budget.ts): an instance that stops being scheduled
  // mid-pause loses its claim once the lease has run out, and must then write nothing. Instance 0
  // pauses a conversation and is frozen (SIGSTOP) inside the provider's stop; once the lease has
  // passed, instance 1's cron sweep finishes the pause and the person resumes through it; only
  // then does instance 0 run again and get its answer.
  it("an instance frozen mid-pause past its lease writes nothing once another took over and the person resumed", async () => {
    expect(instances, "the instances the previous test started").toHaveLength(INSTANCES);
    proxy.stopColdStarts();
    const [frozen, other] = [instances[0]!, instances[1]!];
    await Promise.all([frozen.whenReady(), other.whenReady()]);
    const person = new Visitor(proxy.url, "198.51.100.250");
    const id = await person.start();
    const [first] = fake.running();
    expect(first, "the conversation running at Equos").toBeDefined();
    const row = async () =>
      (
        await sql<SessionRow>(
          databaseUrl,
          `SELECT status, "pausedAt", "providerSessionId", "segmentStartedAt", "billedSeconds"
           FROM "Session" WHERE id = '${id}'`,
        )
      )[0]!;

    // Instance 0 claims the session and asks Equos to stop; the answer is held, and the
    // instance is frozen while it waits.
    const stopsBefore = fake.callsTo("stop").length;
    const release = fake.holdNext("stop");
    const pausing = person.call("POST", `/api/sessions/${id}/pause`, { pin: frozen.index });
    await expect.poll(() => fake.callsTo("stop").length, { timeout: 30_000 }).toBe(stopsBefore + 1);
    await frozen.stall();
    expect(frozen.processState(), "instance 0 is stopped").toBe("T");
    await sleep(CLAIM_LEASE_MS + 5_000);

    // Instance 1: the cron sweep takes the claim over and finishes the pause; the person resumes.
    const cron = await person.call("GET", "/api/cron/reap", {
      bearer: cronSecret,
      pin: other.index,
    });
    expect(cron.status).toBe(200);
    expect(await row()).toMatchObject({ status: "PAUSED" });
    const resumed = await person.call("POST", `/api/sessions/${id}/resume`, { pin: other.index });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    const live = await row();
    expect(live).toMatchObject({ status: "ACTIVE", pausedAt: null });
    expect(live.providerSessionId).not.toBe(first!.id);

    // The page keeps beating while instance 0 wakes and gets its (old) answer at last.
    const beating = setInterval(() => {
      void person.call("POST", `/api/sessions/${id}/heartbeat`, { pin: other.index });
    }, 1_000);
    try {
      release();
      frozen.wake();
      const paused = await pausing;
      expect(paused.status, JSON.stringify(paused.body)).toBeLessThan(500);
      await sleep(2_000); // anything instance 0 still had scheduled runs now
      expect(await row(), "the resumed conversation, untouched").toEqual(live);
      const segments = await sql<{ providerSessionId: string }>(
        databaseUrl,
        `SELECT "providerSessionId" FROM "SessionSegment" WHERE "sessionId" = '${id}'`,
      );
      expect(segments.map((segment) => segment.providerSessionId)).toEqual([first!.id]);
      expect(fake.running().map((conversation) => conversation.id)).toEqual([
        live.providerSessionId,
      ]);
    } finally {
      clearInterval(beating);
    }
    await person.stopUntilEnded(id);
    expect(fake.running()).toEqual([]);
    expect(frozen.log).not.toMatch(/Unexpected error/);
  }, 300_000);
});

interface SessionRow {
  status: string;
  pausedAt: Date | null;
  providerSessionId: string | null;
  segmentStartedAt: Date | null;
  billedSeconds: number;
}

interface CallOptions {
  json?: unknown;
  body?: string;
  contentType?: string;
  bearer?: string;
  pin?: number;
}

/** A browser, as the server sees it: its address (as Vercel sets it), its cookie, its origin. */
class Visitor {
  private cookie = "";

  constructor(
    private readonly baseUrl: string,
    private readonly ip: string,
  ) {}

  async call(method: string, path: string, options: CallOptions = {}) {
    const headers: Record<string, string> = {
      origin: this.baseUrl,
      "x-vercel-forwarded-for": this.ip,
      "x-real-ip": this.ip,
    };
    if (this.cookie) headers.cookie = this.cookie;
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    if (options.pin !== undefined) headers[PIN_HEADER] = String(options.pin);
    let body = options.body;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    for (const line of response.headers.getSetCookie()) this.cookie = line.split(";")[0]!;
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (the page)
    }
    return { status: response.status, body: parsed as Record<string, unknown> };
  }

  async start(): Promise<string> {
    const started = await this.call("POST", "/api/sessions", { json: {} });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    return (started.body as { session: { id: string } }).session.id;
  }

  /** As the page does: ask until the server answers that the session has ended. */
  async stopUntilEnded(id: string) {
    for (let attempt = 0; attempt < 40; attempt++) {
      const stop = await this.call("POST", `/api/sessions/${id}/stop`, {
        json: { reason: "hangup" },
      });
      if (stop.status === 200) return;
      expect(stop.status, JSON.stringify(stop.body)).toBe(202);
      await sleep(250);
    }
    throw new Error(`${id} did not end`);
  }
}
