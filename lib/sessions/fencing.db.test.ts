// Stop claims are leases: a process that stalls past CLAIM_LEASE_MS mid-stop loses its claim to
// the next, and must then write nothing. Two claimants on one database: the page's pause (A),
// stalled inside its provider call, and a sweep (B) that takes the session over once A's lease
// has run out; the person then resumes, and only then does A's provider call come back.
import { describe, expect, it } from "vitest";

import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { startSession, sweep } from "@/test/sessions";

import { CLAIM_LEASE_MS } from "./stop-budget";

const CRON_SECRET = "cron-secret-for-tests-0123456789";

describe.each(EQUOS_VERSIONS)("stop claims, with Equos API %s", (version) => {
  // One long attempt, so the stalled call is neither timed out nor retried during the test.
  const ctx = setUpEquosApp(
    { CRON_SECRET, PROVIDER_STOP_ATTEMPTS: "1", EQUOS_TIMEOUT_MS: "30000" },
    version,
  );
  const db = () => ctx.app.db();
  const row = async (id: string) => (await db()).session.findUniqueOrThrow({ where: { id } });

  it(
    "a pause that stalls past its lease writes nothing after another process took over and the person resumed",
    { timeout: 120_000 },
    async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      const [first] = ctx.fake.running();

      // A: the pause claims the session and calls the provider's stop, which stalls.
      const release = ctx.fake.holdNext("stop");
      const stalled = browser.call("POST /api/sessions/:id/pause", { id });
      await expect.poll(() => ctx.fake.callsTo("stop").length, { timeout: 60_000 }).toBe(1);

      // A's lease runs out (and the page, paused, has sent no heartbeat since).
      const past = new Date(Date.now() - CLAIM_LEASE_MS - 60_000);
      await (
        await db()
      ).session.update({
        where: { id },
        data: { stopClaimedAt: past, lastSeenAt: past },
      });
      // B: a sweep takes the claim over and finishes the pause.
      await sweep(ctx.app.browser(), CRON_SECRET);
      expect(await row(id)).toMatchObject({ status: "PAUSED" });
      // The person resumes: a new provider session bills from now.
      const resumed = await browser.call("POST /api/sessions/:id/resume", { id });
      expect(resumed.status).toBe(200);
      const live = await row(id);
      expect(live).toMatchObject({ status: "ACTIVE", pausedAt: null });
      expect(live.providerSessionId).not.toBe(first!.id);

      // A's provider call comes back at last: it must not pause the resumed conversation.
      release();
      await stalled;
      const after = await row(id);
      expect(after).toMatchObject({
        status: "ACTIVE",
        pausedAt: null,
        providerSessionId: live.providerSessionId,
        segmentStartedAt: live.segmentStartedAt,
        billedSeconds: live.billedSeconds,
      });
      const segments = await (await db()).sessionSegment.findMany({ where: { sessionId: id } });
      expect(segments.map((segment) => segment.providerSessionId)).toEqual([first!.id]);
      expect(ctx.fake.running().map((conversation) => conversation.id)).toEqual([
        live.providerSessionId,
      ]);
    },
  );

  it("records a provider session's segment once, whatever writes it", async () => {
    const id = await startSession(ctx.app.browser());
    const segment = {
      sessionId: id,
      providerSessionId: "conv_twice",
      startedAt: new Date(Date.now() - 5_000),
      endedAt: new Date(),
      seconds: 5,
    };
    await (await db()).sessionSegment.create({ data: segment });
    await expect((await db()).sessionSegment.create({ data: segment })).rejects.toThrow();
    expect(await (await db()).sessionSegment.count({ where: { sessionId: id } })).toBe(1);
  });
});
