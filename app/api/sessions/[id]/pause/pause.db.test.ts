import { beforeEach, describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { loadApp, type TestBrowser } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { clearLedger, startSession, sweep } from "@/test/sessions";

const CRON_SECRET = "cron-secret-for-tests-0123456789";

type View = {
  id: string;
  status: string;
  endReason: string | null;
  durationSeconds: number | null;
  talkedSeconds: number;
  pausedAt: string | null;
};
type SessionBody = { session: View };
type StartedBody = SessionBody & { connection: { participantToken: string } };

describe.each(EQUOS_VERSIONS)("pause and resume, with Equos API %s", (version) => {
  const SETTINGS = { CRON_SECRET, PAUSE_MAX_SECONDS: "60" };
  const ctx = setUpEquosApp(SETTINGS, version);
  beforeEach(() => clearLedger(ctx.app));

  const db = () => ctx.app.db();
  const row = async (id: string) => (await db()).session.findUniqueOrThrow({ where: { id } });
  const segments = async (id: string) =>
    (await db()).sessionSegment.findMany({ where: { sessionId: id }, orderBy: { id: "asc" } });
  const pause = (browser: TestBrowser, id: string) =>
    browser.call<SessionBody>("POST /api/sessions/:id/pause", { id });
  const resume = (browser: TestBrowser, id: string) =>
    browser.call<StartedBody>("POST /api/sessions/:id/resume", { id });
  const stop = (browser: TestBrowser, id: string) =>
    browser.call<SessionBody>("POST /api/sessions/:id/stop", { id }, { json: {} });

  it("pause stops the provider session exactly once, records a segment, and keeps the transcript", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    const [conversation] = ctx.fake.running();
    await (
      await db()
    ).transcriptLine.create({
      data: { sessionId: id, seq: 0, role: "assistant", text: "Hello there.", at: new Date() },
    });

    const res = await pause(browser, id);
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({ id, status: "PAUSED", endReason: null });
    expect(res.body.session.pausedAt).not.toBeNull();
    expect(ctx.fake.stopCallsPerSession()).toEqual(new Map([[conversation!.id, 1]]));
    expect(ctx.fake.running()).toHaveLength(0);

    const [segment] = await segments(id);
    expect(segment).toMatchObject({ providerSessionId: conversation!.id });
    expect((await row(id)).billedSeconds).toBe(segment!.seconds);

    // Idempotent: a second pause changes nothing and calls nobody.
    const again = await pause(browser, id);
    expect(again.status).toBe(200);
    expect(again.body.session.status).toBe("PAUSED");
    expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    expect(await segments(id)).toHaveLength(1);

    const transcript = await browser.call<{ lines: Array<{ text: string }> }>(
      "GET /api/sessions/:id/transcript",
      { id },
    );
    expect(transcript.body.lines.map((line) => line.text)).toEqual(["Hello there."]);
  });

  it("resume starts one new provider session whose context holds the earlier transcript", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    await (
      await db()
    ).transcriptLine.createMany({
      data: [
        { sessionId: id, seq: 0, role: "assistant", text: "What brings you here?", at: new Date() },
        { sessionId: id, seq: 1, role: "user", text: "I want to learn to sail.", at: new Date() },
        // A tool the model called: the operator's to see, no part of the conversation resumed.
        {
          sessionId: id,
          seq: 2,
          role: "tool",
          text: 'search_knowledge {"q":"sail"}',
          at: new Date(),
        },
      ],
    });
    expect((await pause(browser, id)).status).toBe(200);

    const res = await resume(browser, id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.session).toMatchObject({ id, status: "ACTIVE", pausedAt: null });
    expect(res.body.connection.participantToken).toEqual(expect.any(String));
    expect(ctx.fake.callsTo("create")).toHaveLength(2);
    const running = ctx.fake.running();
    expect(running).toHaveLength(1);
    expect(running[0]!.promptCtx).toContain("User: I want to learn to sail.");
    expect(running[0]!.promptCtx).toContain("You: What brings you here?");
    expect(running[0]!.promptCtx).toMatch(/paused and now resumes/);
    expect(running[0]!.promptCtx).not.toContain("search_knowledge");
    expect((await row(id)).providerSessionId).toBe(running[0]!.id);

    // A second resume while it is active is refused, and starts nothing.
    const second = await resume(browser, id);
    expect(second.status).toBe(409);
    expect(ctx.fake.callsTo("create")).toHaveLength(2);
  });

  it("keeps what Equos recorded of each stretch, and tells the resumed one", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    ctx.fake.say(ctx.fake.running()[0]!.id, [
      { byUser: false, text: "Shall we talk about boats?" },
      { byUser: true, text: "Yes, sailing boats." },
    ]);
    await pause(browser, id);
    const kept = async () =>
      (
        await browser.call<{ lines: Array<{ role: string; text: string }> }>(
          "GET /api/sessions/:id/transcript",
          { id },
        )
      ).body.lines;
    expect(await kept()).toEqual([
      { role: "assistant", text: "Shall we talk about boats?", at: expect.any(String) },
      { role: "user", text: "Yes, sailing boats.", at: expect.any(String) },
    ]);

    await resume(browser, id);
    const [second] = ctx.fake.running();
    expect(second!.promptCtx).toContain("User: Yes, sailing boats.");
    ctx.fake.say(second!.id, [{ byUser: false, text: "Welcome back! About those boats." }]);
    await stop(browser, id);
    expect((await kept()).map((line) => line.text)).toEqual([
      "Shall we talk about boats?",
      "Yes, sailing boats.",
      "Welcome back! About those boats.",
    ]);
  });

  it("answers a stranger's pause and resume with 403, and changes nothing", async () => {
    const owner = ctx.app.browser();
    const stranger = ctx.app.browser();
    const id = await startSession(owner);
    await startSession(stranger); // the stranger has an owner cookie of their own
    expect((await pause(stranger, id)).status).toBe(403);
    expect((await row(id)).status).toBe("ACTIVE");
    expect((await pause(owner, id)).status).toBe(200);
    expect((await resume(stranger, id)).status).toBe(403);
    expect((await row(id)).status).toBe("PAUSED");
  });

  it("counts only talking time: the duration is the sum of the segments", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    await sleep(1100);
    await pause(browser, id);
    await sleep(2100); // paused: not billed
    expect((await resume(browser, id)).status).toBe(200);
    await sleep(1100);
    const ended = await stop(browser, id);
    expect(ended.body.session).toMatchObject({ status: "ENDED", endReason: "hangup" });

    const parts = await segments(id);
    expect(parts).toHaveLength(2);
    const sum = parts.reduce((total, part) => total + part.seconds, 0);
    expect(ended.body.session.durationSeconds).toBe(sum);
    expect(ended.body.session.talkedSeconds).toBe(sum);
    expect(sum).toBeGreaterThanOrEqual(2);
    // The pause lay between the segments, in none of them.
    expect(parts[1]!.startedAt.getTime()).toBeGreaterThanOrEqual(
      parts[0]!.endedAt.getTime() + 2000,
    );
    expect(new Set(parts.map((part) => part.providerSessionId)).size).toBe(2);
    expect(ctx.fake.running()).toHaveLength(0);
  });

  it("stops a paused session without calling the provider", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    await pause(browser, id);
    const res = await stop(browser, id);
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({ status: "ENDED", endReason: "hangup" });
    expect(res.body.session.durationSeconds).toBe((await row(id)).billedSeconds);
    expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    expect((await resume(browser, id)).status).toBe(409);
  });

  it("ends a session paused longer than PAUSE_MAX_SECONDS as pause_expired", async () => {
    const browser = ctx.app.browser();
    const kept = await startSession(browser);
    const expired = await startSession(browser);
    await pause(browser, kept);
    await pause(browser, expired);
    await (
      await db()
    ).session.update({ where: { id: expired }, data: { pausedAt: new Date(Date.now() - 61_000) } });

    const report = await sweep(ctx.app.browser(), CRON_SECRET);
    expect(report.pauseExpired).toBe(1);
    expect(await row(expired)).toMatchObject({ status: "ENDED", endReason: "pause_expired" });
    expect((await row(expired)).durationSeconds).toBe((await row(expired)).billedSeconds);
    expect((await row(kept)).status).toBe("PAUSED");
    expect(ctx.fake.callsTo("stop")).toHaveLength(2);
  });

  it("refuses a resume after PAUSE_MAX_SECONDS, ending the session, even before a sweep", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    await pause(browser, id);
    await (
      await db()
    ).session.update({ where: { id }, data: { pausedAt: new Date(Date.now() - 61_000) } });
    const res = await resume(browser, id);
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toMatch(/paused for longer than 1 minute/);
    expect(await row(id)).toMatchObject({ status: "ENDED", endReason: "pause_expired" });
    expect(ctx.fake.callsTo("create")).toHaveLength(1);
  });

  it("a pause whose provider stop keeps failing answers 202, stays owed, and a sweep finishes it", async () => {
    ctx.app = await loadApp(
      ctx.env({ ...SETTINGS, PROVIDER_STOP_ATTEMPTS: "2", STOP_RETRY_BASE_SECONDS: "1" }),
    );
    try {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      ctx.fake.failNext("stop", { times: 2, status: 500 });
      const res = await pause(browser, id);
      expect(res.status).toBe(202);
      expect(await row(id)).toMatchObject({ status: "STOP_FAILED", endReason: null });
      expect(ctx.fake.running()).toHaveLength(1); // still billing: the sweeper owes a stop
      // The page asks again meanwhile: the same pause, not a second one.
      expect((await pause(browser, id)).status).toBe(202);
      await sleep(1200);
      await sweep(ctx.app.browser(), CRON_SECRET);
      expect(await row(id)).toMatchObject({ status: "PAUSED", endReason: null });
      expect(ctx.fake.running()).toHaveLength(0);
      expect((await pause(browser, id)).status).toBe(200);
      expect(await segments(id)).toHaveLength(1);
    } finally {
      ctx.app = await loadApp(ctx.env(SETTINGS));
    }
  });

  it("applies the start limits to a resume: a paused session holds no place, a resumed one does", async () => {
    ctx.app = await loadApp(ctx.env({ ...SETTINGS, MAX_ACTIVE_SESSIONS: "1" }));
    try {
      const browser = ctx.app.browser();
      const first = await startSession(browser);
      await pause(browser, first);
      const second = await startSession(browser); // the paused one holds no place
      const refused = await resume(browser, first);
      expect(refused.status).toBe(429);
      expect((await row(first)).status).toBe("PAUSED");
      expect(ctx.fake.callsTo("create")).toHaveLength(2);
      await stop(browser, second);
      expect((await resume(browser, first)).status).toBe(200);
    } finally {
      ctx.app = await loadApp(ctx.env(SETTINGS));
    }
  });

  it("applies the maximum duration across segments", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    await pause(browser, id);
    // As if the first segment had used all but 30 s of the maximum.
    const { maxDurationSeconds } = await row(id);
    await (
      await db()
    ).session.update({ where: { id }, data: { billedSeconds: maxDurationSeconds - 30 } });
    expect((await resume(browser, id)).status).toBe(200);
    const [conversation] = ctx.fake.running();
    expect(conversation!.maxSeconds).toBeLessThanOrEqual(30);
    expect(conversation!.maxSeconds).toBeGreaterThan(25);
  });

  it("ends a session whose stop read it just before its pause finished", async () => {
    const browser = ctx.app.browser();
    const id = await startSession(browser);
    const before = await row(id); // ACTIVE, as a stop in another process read it
    expect((await pause(browser, id)).body.session.status).toBe("PAUSED");

    const { createStopper } = await import("@/lib/sessions/stop");
    const { sessionSettings } = await import("@/lib/sessions");
    const { getProvider, getProviderNamed } = await import("@/lib/providers");
    const stopper = createStopper({
      db: ctx.app.db,
      provider: getProvider(),
      providerFor: getProviderNamed,
      settings: sessionSettings(),
    });
    const ended = await stopper.stop(await db(), before, "hangup");
    expect(ended).toMatchObject({ status: "ENDED", endReason: "hangup" });
    expect(ctx.fake.callsTo("stop")).toHaveLength(1);
  });

  it.each([
    ["pause, stop, resume, pause at once", ["pause", "stop", "resume", "pause"]],
    ["resume, stop, resume at once on a paused session", ["resume", "stop", "resume"]],
    ["stop, pause, resume at once on a paused session", ["stop", "pause", "resume"]],
  ] as const)(
    "leaves one consistent state and no provider session running: %s",
    async (label, calls) => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      if (label.includes("on a paused session")) await pause(browser, id);
      const act = { pause, stop, resume };
      const answers = await Promise.all(calls.map((call) => act[call](browser, id)));
      for (const answer of answers) expect([200, 202, 409]).toContain(answer.status);

      // Whatever won, the stop was asked for: the session ends, with nothing left billing.
      await expect.poll(async () => (await row(id)).status, { timeout: 10_000 }).toBe("ENDED");
      const final = await row(id);
      expect(final.endReason).toBe("hangup");
      expect(ctx.fake.running()).toHaveLength(0);
      for (const count of ctx.fake.stopCallsPerSession().values()) expect(count).toBe(1);
      const parts = await segments(id);
      expect(final.durationSeconds).toBe(parts.reduce((total, part) => total + part.seconds, 0));
      // Every provider session the session had is a segment, stopped once.
      expect(parts.map((part) => part.providerSessionId).sort()).toEqual(
        [...ctx.fake.stopCallsPerSession().keys()].sort(),
      );
    },
  );
});
