import { beforeEach, describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { loadApp } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { openInstances } from "@/test/instances";
import { clearLedger, startSession, sweep } from "@/test/sessions";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const SETTINGS = {
  CRON_SECRET,
  ADMIN_TOKEN,
  HEARTBEAT_TIMEOUT_SECONDS: "1",
  STARTING_TIMEOUT_SECONDS: "5", // must outlast EQUOS_TIMEOUT_MS
  STOP_RETRY_BASE_SECONDS: "1",
  STOP_RETRY_MAX_SECONDS: "4",
  PROVIDER_STOP_ATTEMPTS: "3",
  // Generous: a test file's first request can wait a while for a busy CPU.
  EQUOS_TIMEOUT_MS: "4000",
};

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp(SETTINGS, version);

  beforeEach(() => clearLedger(ctx.app));

  const row = async (id: string) =>
    (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });
  const reap = () => sweep(ctx.app.browser(), CRON_SECRET);

  /** A STARTING row as a process that died mid-start leaves it, `ageMs` old. */
  async function startingRow(ageMs: number) {
    const id = `ses_${crypto.randomUUID().replaceAll("-", "")}`;
    await (
      await ctx.app.db()
    ).session.create({
      data: {
        id,
        provider: "equos",
        profile: "interviewer",
        ownerKeyHash: "0".repeat(64),
        maxDurationSeconds: 600,
        createdAt: new Date(Date.now() - ageMs),
      },
    });
    return id;
  }

  describe("sweeper: sessions whose page went quiet", () => {
    it("keeps a session alive while heartbeats come, ends it heartbeat_lost once they stop", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      for (let beat = 0; beat < 3; beat++) {
        await sleep(600);
        const res = await browser.call("POST /api/sessions/:id/heartbeat", { id });
        expect(res.status).toBe(204);
        expect((await reap()).heartbeatLost).toBe(0);
      }
      expect((await row(id)).status).toBe("ACTIVE");

      await sleep(1200);
      expect((await reap()).heartbeatLost).toBe(1);
      const ended = await row(id);
      expect(ended).toMatchObject({ status: "ENDED", endReason: "heartbeat_lost" });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
      expect(ctx.fake.running()).toHaveLength(0);

      // A heartbeat that arrives late is answered but does not bring the session back.
      const late = await browser.call("POST /api/sessions/:id/heartbeat", { id });
      expect(late.status).toBe(204);
      expect(await row(id)).toEqual(ended);
      expect((await reap()).heartbeatLost).toBe(0);
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    it("runs in the server process on its own when SWEEP_INTERVAL_SECONDS is set", async () => {
      const id = await startSession(ctx.app.browser());
      const { startSweeper, stopSweeper } = await import("@/lib/sweeper");
      startSweeper(1);
      try {
        const deadline = Date.now() + 5000;
        while ((await row(id)).status === "ACTIVE" && Date.now() < deadline) await sleep(100);
      } finally {
        stopSweeper();
      }
      expect(await row(id)).toMatchObject({ status: "ENDED", endReason: "heartbeat_lost" });
    });
  });

  describe("sweeper: sessions past their maximum duration", () => {
    it("ends a session that outlived its maximum plus the grace period (max_duration)", async () => {
      const db = await ctx.app.db();
      const over = await startSession(ctx.app.browser());
      const within = await startSession(ctx.app.browser());
      const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
      // The pages are still reporting (lastSeenAt ahead), so only the duration can end them.
      const seen = new Date(Date.now() + 60_000);
      await db.session.update({
        where: { id: over },
        data: {
          startedAt: ago(600 + 30 + 2),
          segmentStartedAt: ago(600 + 30 + 2),
          lastSeenAt: seen,
        },
      });
      await db.session.update({
        where: { id: within },
        data: {
          startedAt: ago(600 + 30 - 10),
          segmentStartedAt: ago(600 + 30 - 10),
          lastSeenAt: seen,
        },
      });

      const report = await reap();
      expect(report).toMatchObject({ maxDuration: 1, heartbeatLost: 0 });
      expect(await row(over)).toMatchObject({ status: "ENDED", endReason: "max_duration" });
      expect((await row(over)).durationSeconds).toBeGreaterThanOrEqual(632);
      expect((await row(within)).status).toBe("ACTIVE");
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });
  });

  describe("sweeper: starts that never finished", () => {
    it("marks a STARTING row failed after the limit, and finds and stops its provider session", async () => {
      const orphaned = await startingRow(6000);
      const orphan = ctx.fake.createUnseen(orphaned);
      const empty = await startingRow(6000);
      const young = await startingRow(0);
      ctx.fake.createUnseen(`ses_${"f".repeat(32)}`); // someone else's session, never to be touched
      ctx.fake.ignoreClientFilter = true; // even were the provider to list it for our tag

      const report = await reap();
      expect(report.startTimedOut).toBe(2);
      expect(await row(orphaned)).toMatchObject({
        status: "FAILED",
        endReason: "start_failed",
        providerSessionId: orphan,
        nextStopAttemptAt: null,
        stopClaimedAt: null,
      });
      // Nothing found yet: searched again later, with backoff, until the provider has settled.
      expect(await row(empty)).toMatchObject({
        status: "FAILED",
        endReason: "start_failed",
        providerSessionId: null,
        stopAttempts: 1,
        nextStopAttemptAt: expect.any(Date),
      });
      expect((await row(young)).status).toBe("STARTING");
      expect([...ctx.fake.stopCallsPerSession()]).toEqual([[orphan, 1]]);
      expect(ctx.fake.running().map((s) => s.client)).toEqual([`ses_${"f".repeat(32)}`]);
      expect(ctx.fake.callsTo("list").map((call) => call.path)).toEqual(
        expect.arrayContaining([expect.stringContaining(`client=${orphaned}`)]),
      );
    });

    it("pages through the whole list to find a lost start among other clients' sessions", async () => {
      const orphaned = await startingRow(6000);
      for (let i = 0; i < 70; i++) ctx.fake.createUnseen(`ses_${i.toString(16).padStart(32, "e")}`);
      const orphan = ctx.fake.createUnseen(orphaned); // row 71: on the second page of 50
      ctx.fake.createUnseen(`ses_${"d".repeat(32)}`);
      ctx.fake.ignoreClientFilter = true; // so that every page is full of others' sessions

      expect((await reap()).startTimedOut).toBe(1);
      expect(await row(orphaned)).toMatchObject({ status: "FAILED", providerSessionId: orphan });
      expect([...ctx.fake.stopCallsPerSession()]).toEqual([[orphan, 1]]);
      expect(ctx.fake.running()).toHaveLength(71);
      const pages = ctx.fake.callsTo("list").map((call) => new URL(call.path, ctx.fake.url));
      expect(pages.map((url) => url.searchParams.get("skip"))).toEqual(["0", "50"]);
      for (const url of pages) {
        expect(url.searchParams.get("client")).toBe(orphaned);
        expect(url.searchParams.get("take")).toBe("50");
      }
    });

    it("searches again with backoff: a provider session that appears late is still found and stopped", async () => {
      const id = await startingRow(6000);
      expect((await reap()).startTimedOut).toBe(1);
      expect(await row(id)).toMatchObject({ status: "FAILED", stopAttempts: 1 });

      const late = ctx.fake.createUnseen(id); // the provider finishes the create only now
      await sleep(1100); // STOP_RETRY_BASE_SECONDS
      expect((await reap()).retried).toBe(1);
      expect(await row(id)).toMatchObject({ providerSessionId: late, nextStopAttemptAt: null });
      expect(ctx.fake.running()).toHaveLength(0);
    });

    it("finds and stops a lost start the provider still lists as starting", async () => {
      const id = await startingRow(6000);
      const lost = ctx.fake.createUnseen(id, "starting");
      expect((await reap()).startTimedOut).toBe(1);
      expect(await row(id)).toMatchObject({ status: "FAILED", providerSessionId: lost });
      expect([...ctx.fake.stopCallsPerSession()]).toEqual([[lost, 1]]);
      expect(ctx.fake.running()).toHaveLength(0);
    });

    it("keeps searching, with backoff, until the provider's maximum session length has passed", async () => {
      const id = await startingRow(6000);
      expect((await reap()).startTimedOut).toBe(1);
      const db = await ctx.app.db();
      // Many empty searches already: within the provider's 600 s maximum, the search goes on.
      await db.session.update({
        where: { id },
        data: { stopAttempts: 8, nextStopAttemptAt: new Date(Date.now() - 1000) },
      });
      expect((await reap()).retried).toBe(1);
      const searching = await row(id);
      expect(searching.stopAttempts).toBe(9);
      expect(searching.nextStopAttemptAt).not.toBeNull();
      // Never later than the end of the provider's maximum (STARTING_TIMEOUT_SECONDS + 600 s).
      const endsAt = searching.createdAt.getTime() + (5 + 600) * 1000;
      expect(searching.nextStopAttemptAt!.getTime()).toBeLessThanOrEqual(endsAt);

      // A start asked for longer ago than that has nothing left running: the search ends.
      await db.session.update({
        where: { id },
        data: {
          createdAt: new Date(Date.now() - (5 + 600 + 1) * 1000),
          nextStopAttemptAt: new Date(Date.now() - 1000),
        },
      });
      expect((await reap()).retried).toBe(1);
      expect(await row(id)).toMatchObject({ stopAttempts: 10, nextStopAttemptAt: null });
    });

    it("a 201 whose body cannot be used ends up stopped at Equos within one settle period", async () => {
      ctx.fake.failNext("create", { times: 1, afterCreating: true, status: 201, body: { id: 7 } });
      const res = await ctx.app.browser().call("POST /api/sessions", {}, { json: {} });
      expect(res.status).toBe(502);
      const failed = await (
        await ctx.app.db()
      ).session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      expect(failed).toMatchObject({ status: "FAILED", endReason: "start_failed" });
      expect(failed.nextStopAttemptAt).not.toBeNull(); // searchable, not given up
      expect(ctx.fake.running()).toHaveLength(1);

      await sleep(5100); // STARTING_TIMEOUT_SECONDS: the provider has settled
      expect((await reap()).retried).toBe(1);
      expect(ctx.fake.running()).toHaveLength(0);
    });

    it("looks again, later, for the session of a start whose answer was lost", async () => {
      ctx.fake.failNext("create", { times: 1, hang: true, afterCreating: true });
      const res = await ctx.app.browser().call("POST /api/sessions", {}, { json: {} });
      expect(res.status).toBe(504);
      const failed = await (
        await ctx.app.db()
      ).session.findFirstOrThrow({
        orderBy: { createdAt: "desc" },
      });
      expect(failed).toMatchObject({ status: "FAILED", endReason: "start_failed" });
      expect(failed.nextStopAttemptAt).not.toBeNull();
      expect(ctx.fake.running()).toHaveLength(1);

      // The provider gets STARTING_TIMEOUT_SECONDS to settle before the search.
      expect((await reap()).retried).toBe(0);
      expect(ctx.fake.running()).toHaveLength(1);
      await sleep(5100);
      expect((await reap()).retried).toBe(1);
      expect(ctx.fake.running()).toHaveLength(0);
      expect(await row(failed.id)).toMatchObject({
        status: "FAILED",
        providerSessionId: ctx.fake.callsTo("stop")[0]?.path.split("/")[3],
        nextStopAttemptAt: null,
      });
    });
  });

  describe("sweeper: stops the provider refuses", () => {
    it("ends a session after exactly three calls when the provider fails twice", async () => {
      const id = await startSession(ctx.app.browser());
      ctx.fake.failNext("stop", { times: 2, status: 500 });
      await sleep(1200);
      await reap();
      expect(await row(id)).toMatchObject({
        status: "ENDED",
        endReason: "heartbeat_lost",
        stopAttempts: 3,
      });
      expect(ctx.fake.callsTo("stop")).toHaveLength(3);
    });

    it("keeps a failing stop STOP_FAILED, visible to operators, retried with backoff until it ends", async () => {
      // Seconds-long waits, so that a busy machine cannot make "not due yet" due.
      const slowerBackoff = { STOP_RETRY_BASE_SECONDS: "3", STOP_RETRY_MAX_SECONDS: "12" };
      ctx.app = await loadApp(ctx.env({ ...SETTINGS, ...slowerBackoff }));
      const id = await startSession(ctx.app.browser());
      ctx.fake.failNext("stop", { times: 6, status: 503 });
      await sleep(1200);
      expect(await reap()).toMatchObject({ heartbeatLost: 1, stillOwed: 1 });
      expect(ctx.fake.callsTo("stop")).toHaveLength(3);

      type List = {
        sessions: Array<{ id: string; lastProviderError: string; stopAttempts: number }>;
      };
      const listed = await ctx.app
        .browser()
        .call<List>(
          "GET /api/admin/sessions",
          {},
          { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, query: { status: "STOP_FAILED" } },
        );
      expect(listed.body.sessions).toEqual([
        expect.objectContaining({
          id,
          stopAttempts: 3,
          lastProviderError: expect.stringContaining("503"),
        }),
      ]);

      // Not due yet: the next sweep leaves it alone.
      const first = await row(id);
      const firstDelay = first.nextStopAttemptAt!.getTime() - first.createdAt.getTime();
      expect(firstDelay).toBeGreaterThan(0);
      expect((await reap()).retried).toBe(0);
      expect(ctx.fake.callsTo("stop")).toHaveLength(3);

      await sleep(first.nextStopAttemptAt!.getTime() - Date.now() + 100);
      expect(await reap()).toMatchObject({ retried: 1, stillOwed: 1 });
      expect(ctx.fake.callsTo("stop")).toHaveLength(6);
      const second = await row(id);
      expect(second.status).toBe("STOP_FAILED");
      // The wait doubled: 3 s after the first round, 6 s after the second.
      const secondWait = second.nextStopAttemptAt!.getTime() - Date.now();
      expect(secondWait).toBeGreaterThan(4400);
      expect(secondWait).toBeLessThanOrEqual(6000);

      await sleep(secondWait - 1500);
      expect((await reap()).retried).toBe(0);
      expect(ctx.fake.callsTo("stop")).toHaveLength(6);

      await sleep(1700);
      expect(await reap()).toMatchObject({ retried: 1, stillOwed: 0 });
      expect(await row(id)).toMatchObject({
        status: "ENDED",
        endReason: "heartbeat_lost",
        nextStopAttemptAt: null,
        stopAttempts: 7,
      });
      expect(ctx.fake.callsTo("stop")).toHaveLength(7);
      expect(ctx.fake.running()).toHaveLength(0);
      ctx.app = await loadApp(ctx.env(SETTINGS));
    });
  });

  describe("sweeper: several at once", () => {
    it("never stops a session twice and leaves none behind", async () => {
      const db = await ctx.app.db();
      const quiet = await Promise.all(
        Array.from({ length: 16 }, () => startSession(ctx.app.browser())),
      );
      const failed = await Promise.all(
        Array.from({ length: 4 }, () => startSession(ctx.app.browser())),
      );
      // Stops that failed earlier and are due again.
      await db.session.updateMany({
        where: { id: { in: failed } },
        data: { status: "STOP_FAILED", endReason: "hangup", nextStopAttemptAt: new Date() },
      });
      const starting = await Promise.all(Array.from({ length: 4 }, () => startingRow(6000)));
      for (const id of starting) ctx.fake.createUnseen(id);
      await sleep(1200);
      ctx.fake.latencyMs = 30; // so that the sweeps overlap at the provider

      const instances = await openInstances(4);
      try {
        const reports = await Promise.all([
          ...instances.services.map((service) => service.sweep()),
          reap(),
          reap(),
        ]);
        const total = (key: string) =>
          reports.reduce((sum, report) => sum + (report as Record<string, number>)[key]!, 0);
        expect(total("heartbeatLost")).toBe(16);
        expect(total("retried")).toBe(4);
        expect(total("startTimedOut")).toBe(4);
        expect(total("stillOwed")).toBe(0);
      } finally {
        await instances.close();
      }

      const rows = await db.session.findMany({
        where: { id: { in: [...quiet, ...failed, ...starting] } },
      });
      expect(rows.filter((r) => r.status === "ENDED")).toHaveLength(20);
      expect(rows.filter((r) => r.status === "FAILED")).toHaveLength(4);
      expect(rows.every((r) => r.stopClaimedAt === null)).toBe(true);
      const perSession = ctx.fake.stopCallsPerSession();
      expect(perSession.size).toBe(24);
      expect([...perSession.values()].every((count) => count === 1)).toBe(true);
      expect(ctx.fake.running()).toHaveLength(0);
    });
  });
});
