// The session's face with the local avatar (against a real LiveKit server): the faces offered,
// the one chosen kept in the ledger and sent to the worker, a bad one refused naming the choices.
import { AccessToken, AgentDispatchClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";
import { LIVEKIT_TEST_KEYS, liveKitBinary, localAppEnv, startLiveKit } from "@/test/livekit-server";

const binary = liveKitBinary();
let livekit: Awaited<ReturnType<typeof startLiveKit>>;
let app: Awaited<ReturnType<typeof loadApp>>;

/** Reports a worker with room, as the Jeremy worker does; `more` adds to the report. */
async function reportWorker(workerId: string, more: Record<string, unknown> = {}) {
  const token = new AccessToken(LIVEKIT_TEST_KEYS.apiKey, LIVEKIT_TEST_KEYS.apiSecret, {
    identity: "jeremy-worker",
    ttl: 60,
  });
  return app.browser().call(
    "POST /api/worker/capacity",
    {},
    {
      json: {
        workerId,
        agentName: "jeremy",
        maxSessions: 4,
        activeJobs: 0,
        readyProcesses: 4,
        ...more,
      },
      headers: { authorization: `Bearer ${await token.toJwt()}` },
    },
  );
}

beforeAll(async () => {
  if (!binary) return;
  livekit = await startLiveKit(binary);
  app = await loadApp(localAppEnv(livekit));
  expect((await reportWorker("w")).status).toBe(204);
}, 30_000);
afterAll(async () => {
  await livekit?.stop();
});

type Started = { session?: { id: string; face: string }; error?: { message: string } };

describe.skipIf(!binary)("the session's face (local avatar)", () => {
  it("lists the faces offered, the default first, with their portraits", async () => {
    const res = await app.browser().call<{ faces: unknown[] }>("GET /api/faces");
    expect(res.status).toBe(200);
    expect(res.body.faces).toEqual([{ id: "jeremy", name: "Jeremy", portraitUrl: "/jeremy.png" }]);
  });

  it("keeps the face chosen (or the default) in the ledger and tells the worker", async () => {
    for (const json of [{ face: "jeremy" }, {}]) {
      const res = await app.browser().call<Started>("POST /api/sessions", {}, { json });
      expect(res.status).toBe(201);
      expect(res.body.session?.face).toBe("jeremy");
      const id = res.body.session!.id;
      const row = await (await app.db()).session.findUniqueOrThrow({ where: { id } });
      expect(row.face).toBe("jeremy");
      const dispatches = await new AgentDispatchClient(
        livekit.url.replace("ws", "http"),
        LIVEKIT_TEST_KEYS.apiKey,
        LIVEKIT_TEST_KEYS.apiSecret,
      ).listDispatch(id);
      expect(JSON.parse(dispatches[0]!.metadata)).toMatchObject({ face: "jeremy" });
    }
  });

  it("refuses a face it does not offer, naming the choices, and makes nothing", async () => {
    const before = await (await app.db()).session.count();
    const res = await app
      .browser()
      .call<Started>("POST /api/sessions", {}, { json: { face: "anam" } });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe(
      'Invalid request: face: "anam" is not available here; choose one of jeremy.',
    );
    expect(await (await app.db()).session.count()).toBe(before);
  });

  it("offers a hosted face once a live worker has its keys, and only while one has", async () => {
    // A worker that can attach LemonSlice's face (its keys are set there, not in the app).
    expect(
      (await reportWorker("w-lemonslice", { hostedFaces: ["lemonslice", "unknown"] })).status,
    ).toBe(204);
    const listed = await app.browser().call<{ faces: Array<{ id: string }> }>("GET /api/faces");
    expect(listed.body.faces).toEqual([
      { id: "jeremy", name: "Jeremy", portraitUrl: "/jeremy.png" },
      { id: "lemonslice", name: "LemonSlice", portraitUrl: "/faces/lemonslice.svg" },
    ]);
    const res = await app
      .browser()
      .call<Started>("POST /api/sessions", {}, { json: { face: "lemonslice" } });
    expect(res.status).toBe(201);
    const id = res.body.session!.id;
    expect((await (await app.db()).session.findUniqueOrThrow({ where: { id } })).face).toBe(
      "lemonslice",
    );
    const [dispatch] = await new AgentDispatchClient(
      livekit.url.replace("ws", "http"),
      LIVEKIT_TEST_KEYS.apiKey,
      LIVEKIT_TEST_KEYS.apiSecret,
    ).listDispatch(id);
    expect(JSON.parse(dispatch!.metadata)).toMatchObject({ face: "lemonslice" });

    // The worker goes away (it reports no room as it leaves): the face is no longer offered.
    await reportWorker("w-lemonslice", { maxSessions: 0, hostedFaces: ["lemonslice"] });
    const refused = await app
      .browser()
      .call<Started>("POST /api/sessions", {}, { json: { face: "lemonslice" } });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toBe(
      'Invalid request: face: "lemonslice" is not available here; choose one of jeremy.',
    );
  });

  it("refuses a worker's report naming more faces than any worker has, or a bad id", async () => {
    for (const hostedFaces of [["Bad Face"], Array.from({ length: 17 }, (_, i) => `f${i}`)]) {
      expect((await reportWorker("w-bad", { hostedFaces })).status).toBe(400);
    }
  });
});
