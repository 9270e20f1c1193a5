// Local starts wait for room in a live avatar worker: against a real LiveKit server, with the
// workers' capacity reported the way the worker reports it.
import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { HEALTH_CACHE_MS } from "@/lib/health";
import { loadApp } from "@/test/app";
import { LIVEKIT_TEST_KEYS, liveKitBinary, localAppEnv, startLiveKit } from "@/test/livekit-server";
import { clearLedger } from "@/test/sessions";

const binary = liveKitBinary();
let livekit: Awaited<ReturnType<typeof startLiveKit>>;
let app: Awaited<ReturnType<typeof loadApp>>;
const ADMIN_TOKEN = "admin-token-for-tests-0123456789";

beforeAll(async () => {
  if (!binary) return;
  livekit = await startLiveKit(binary);
  app = await loadApp(
    localAppEnv(livekit, {
      MAX_ACTIVE_SESSIONS: undefined,
      START_LIMIT_PER_CLIENT: undefined,
      DAILY_SESSION_SECONDS: undefined,
      MAX_SESSIONS_PER_CLIENT: undefined,
      DAILY_SESSION_SECONDS_PER_CLIENT: undefined,
      ADMIN_TOKEN,
    }),
  );
}, 30_000);
afterAll(async () => {
  await livekit?.stop();
});

async function workerToken(identity = "jeremy-worker") {
  const token = new AccessToken(LIVEKIT_TEST_KEYS.apiKey, LIVEKIT_TEST_KEYS.apiSecret, {
    identity,
    ttl: 60,
  });
  return token.toJwt();
}

async function report(
  maxSessions: number,
  workerId = "worker-a",
  readyProcesses = maxSessions,
  more: { agentName?: string; faceAgentName?: string } = {},
) {
  const res = await app.browser().call(
    "POST /api/worker/capacity",
    {},
    {
      json: {
        workerId,
        agentName: "jeremy",
        maxSessions,
        activeJobs: 0,
        readyProcesses,
        ...more,
      },
      headers: { authorization: `Bearer ${await workerToken()}` },
    },
  );
  expect(res.status).toBe(204);
}

type Answer = { session?: { id: string }; error?: { code: string; message: string } };
const start = () => app.browser().call<Answer>("POST /api/sessions", {}, { json: {} });
const rooms = () =>
  new RoomServiceClient(
    livekit.url.replace("ws", "http"),
    LIVEKIT_TEST_KEYS.apiKey,
    LIVEKIT_TEST_KEYS.apiSecret,
  ).listRooms();

describe.skipIf(!binary)("capacity of the local avatar workers", () => {
  beforeEach(async () => {
    await clearLedger(app);
    await (await app.db()).avatarWorker.deleteMany();
    for (const room of await rooms()) {
      await new RoomServiceClient(
        livekit.url.replace("ws", "http"),
        LIVEKIT_TEST_KEYS.apiKey,
        LIVEKIT_TEST_KEYS.apiSecret,
      ).deleteRoom(room.name);
    }
  });

  it("4 workers' worth of conversations plus one more: 503 AVATAR_BUSY, and no room is made", async () => {
    await report(2, "worker-a");
    await report(2, "worker-b");
    const answers = await Promise.all(Array.from({ length: 5 }, start));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 503]);
    const busy = answers.find((a) => a.status === 503)!;
    expect(busy.body.error).toEqual({
      code: "AVATAR_BUSY",
      message: "Jeremy is in too many conversations, try again in a minute.",
    });
    expect(Number(busy.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await rooms()).toHaveLength(4);
    expect(await (await app.db()).session.count()).toBe(4);
  });

  it("while every worker's job processes are still warming: 503 AVATAR_WARMING, nothing made, and a start once one has warmed", async () => {
    // Room for 4, but the one warm process went to the conversation started just now.
    await report(4, "worker-a", 1);
    expect((await start()).status).toBe(201);
    const warming = await start();
    expect(warming.status).toBe(503);
    expect(warming.body.error).toEqual({
      code: "AVATAR_WARMING",
      message:
        "Jeremy is getting ready for the next conversation. Please try again in a few seconds.",
    });
    expect(Number(warming.headers.get("retry-after"))).toBe(3);
    expect(await rooms()).toHaveLength(1);
    expect(await (await app.db()).session.count()).toBe(1);

    // The worker says at once that its replacement process has warmed.
    await report(4, "worker-a", 1);
    expect((await start()).status).toBe(201);
    // A worker reporting no warm process offers nothing, however much room it has.
    await report(4, "worker-a", 0);
    expect((await start()).body.error?.code).toBe("AVATAR_WARMING");
    // Nor does a readiness whose reports stopped, though the worker still counts as live.
    await report(4, "worker-a", 2);
    await (
      await app.db()
    ).avatarWorker.updateMany({ data: { seenAt: new Date(Date.now() - 20_000) } });
    expect((await start()).body.error?.code).toBe("AVATAR_WARMING");
    expect(await (await app.db()).session.count()).toBe(2);
  });

  it("with no live worker, nothing starts and the health check says why", async () => {
    const none = await start();
    expect(none.status).toBe(503);
    expect(none.body.error?.message).toContain("no avatar worker is running");
    expect(await rooms()).toHaveLength(0);
    // The detail is the operator's (anyone else reads "No avatar worker is running.").
    const health = await app.browser().call<{
      error?: { message: string };
    }>("GET /api/health", {}, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(health.status).toBe(503);
    expect(health.body.error?.message).toContain('no "jeremy" avatar worker has reported');

    // A worker whose last report is old has gone.
    await report(4);
    await (
      await app.db()
    ).avatarWorker.updateMany({
      data: { seenAt: new Date(Date.now() - 60_000) },
    });
    expect((await start()).status).toBe(503);
    await report(4);
    expect((await start()).status).toBe(201);
  });

  it("takes reports only from the worker (LiveKit-signed, worker identity) and checks them", async () => {
    const call = (authorization: string, json: unknown) =>
      app.browser().call("POST /api/worker/capacity", {}, { json, headers: { authorization } });
    const good = {
      workerId: "w",
      agentName: "jeremy",
      maxSessions: 4,
      activeJobs: 0,
      readyProcesses: 1,
    };
    expect((await call("", good)).status).toBe(401);
    expect((await call(`Bearer ${await workerToken("user-1")}`, good)).status).toBe(403);
    const forged = await new AccessToken("devkey", "another-secret-0123456789abcdef", {
      identity: "jeremy-worker",
    }).toJwt();
    expect((await call(`Bearer ${forged}`, good)).status).toBe(401);
    const bad = { ...good, maxSessions: -1 };
    expect((await call(`Bearer ${await workerToken()}`, bad)).status).toBe(400);
    expect(await (await app.db()).avatarWorker.count()).toBe(0);
  });
  it("a brain that needs a face worker starts a conversation only while a face has room and a warm process", async () => {
    const operatorHealth = () =>
      app.browser().call<{
        error?: { message: string };
      }>("GET /api/health", {}, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const needsFace = { faceAgentName: "jeremy-face" };
    const face = (max: number, ready = max) =>
      report(max, "face-a", ready, { agentName: "jeremy-face" });
    await report(4, "brain-a", 4, needsFace);

    // No face worker: the brain would join and its face never come.
    const none = await start();
    expect(none.status).toBe(503);
    expect(none.body.error).toMatchObject({ code: "AVATAR_BUSY" });
    expect(none.body.error?.message).toContain("no face worker is running");
    // The operator's health check says so (once the last check's answer, kept for a few
    // seconds, has expired).
    await expect
      .poll(async () => (await operatorHealth()).body.error?.message, {
        timeout: HEALTH_CACHE_MS + 3_000,
        interval: 500,
      })
      .toContain('need a "jeremy-face" face worker');

    // Room for two faces, one warm: one start, then warming, then full.
    await face(2, 1);
    expect((await start()).status).toBe(201);
    expect((await start()).body.error?.code).toBe("AVATAR_WARMING");
    await face(2, 1);
    expect((await start()).status).toBe(201);
    const full = await start();
    expect(full.body.error?.code).toBe("AVATAR_BUSY");
    expect(full.body.error?.message).toContain("too many conversations");
    expect(await rooms()).toHaveLength(2);

    // A brain that draws its own face needs none.
    await clearLedger(app);
    await (await app.db()).avatarWorker.deleteMany();
    await report(4, "brain-b");
    expect((await start()).status).toBe(201);
  });
});
