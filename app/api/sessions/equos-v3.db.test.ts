// Equos API v3 on the wire: what the app sends and how it reads the answers. The behaviour
// both versions share is tested against each in the route suites (start, stop, sweep, ...).
import { describe, expect, it } from "vitest";

import { loadApp } from "@/test/app";
import { setUpEquosApp } from "@/test/equos-app";
import { FAKE_CHARACTER } from "@/test/fake-equos";

const ctx = setUpEquosApp({}, "v3");

type StartBody = {
  session: { id: string; status: string; avatar: { identity: string; name: string } };
  connection: { serverUrl: string; participantToken: string; participantIdentity: string };
};

const start = (json: Record<string, unknown> = {}) =>
  ctx.app.browser().call<StartBody>("POST /api/sessions", {}, { json });

describe("starting a conversation (POST /v3/conversations)", () => {
  it("sends one start with the character, our tag, the user, the time limit and the context", async () => {
    const res = await start({ context: "Company Name is XYZ Consult", userName: "Ada" });
    expect(res.status).toBe(201);
    const { session, connection } = res.body;

    expect(ctx.fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      "POST /v3/conversations",
    ]);
    const [create] = ctx.fake.calls;
    expect(create?.apiKey).toBe(ctx.fake.apiKey);
    expect(create?.body).toEqual({
      name: `Talk to Jeremy ${session.id}`,
      characterId: FAKE_CHARACTER.id,
      client: session.id,
      consumer: { identity: connection.participantIdentity, name: "Ada" },
      maxSeconds: 600,
      promptCtx: expect.any(String),
    });
    const { promptCtx } = create?.body as { promptCtx: string };
    expect(promptCtx).toContain("Company Name is XYZ Consult");
    expect(promptCtx).toContain('"interviewer" profile');
    expect(promptCtx).toContain("Ada");
  });

  it("sends SESSION_MAX_DURATION_SECONDS as maxSeconds", async () => {
    ctx.app = await loadApp(ctx.env({ SESSION_MAX_DURATION_SECONDS: "900" }));
    expect((await start()).status).toBe(201);
    expect(ctx.fake.callsTo("create")[0]?.body).toMatchObject({ maxSeconds: 900 });
    ctx.app = await loadApp(ctx.env());
  });

  it("hands the browser the conversation's server and consumer token, and the character as the avatar", async () => {
    const res = await start();
    const conversation = ctx.fake.running()[0]!;
    expect(res.body.connection).toEqual({
      serverUrl: "wss://fake-equos.livekit.test",
      participantToken: `consumer-token-${conversation.id}`,
      participantIdentity: expect.stringMatching(/^user-[0-9a-f]{12}$/),
    });
    expect(res.body.session.avatar).toEqual({
      identity: FAKE_CHARACTER.livekitIdentity,
      name: FAKE_CHARACTER.name,
    });
    expect(ctx.fake.callsTo("character")).toHaveLength(0);
  });

  it("reads the character once when start answers leave it out", async () => {
    ctx.fake.omitCharacterFromStart = true;
    const first = await start();
    const second = await start();
    for (const res of [first, second]) {
      expect(res.status).toBe(201);
      expect(res.body.session.avatar).toEqual({ identity: "equos-avatar", name: "Jeremy" });
    }
    expect(ctx.fake.callsTo("character").map((call) => call.path)).toEqual([
      `/v3/characters/${FAKE_CHARACTER.id}`,
    ]);
  });

  it("answers 502 PROVIDER_ERROR for a character Equos does not know, creating nothing", async () => {
    ctx.app = await loadApp(ctx.env({ EQUOS_CHARACTER_ID: "char_gone" }));
    const res = await ctx.app
      .browser()
      .call<{ error: { code: string } }>("POST /api/sessions", {}, { json: {} });
    expect(res.status).toBe(502);
    expect(res.body.error.code).toBe("PROVIDER_ERROR");
    expect(ctx.fake.sessions.size).toBe(0);
    ctx.app = await loadApp(ctx.env());
  });
});

describe("stopping a conversation (POST /v3/conversations/{id}/stop)", () => {
  const startAndStop = async () => {
    const browser = ctx.app.browser();
    const started = await browser.call<StartBody>("POST /api/sessions", {}, { json: {} });
    const id = started.body.session.id;
    const stopped = await browser.call<StartBody>("POST /api/sessions/:id/stop", { id });
    return stopped.body.session;
  };

  it("makes one POST …/stop for 50 concurrent stops", async () => {
    const browser = ctx.app.browser();
    const { body } = await browser.call<StartBody>("POST /api/sessions", {}, { json: {} });
    const id = body.session.id;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => browser.call("POST /api/sessions/:id/stop", { id })),
    );
    expect(results.map((res) => res.status)).toEqual(Array(50).fill(200));
    const conversation = ctx.fake.sessions.values().next().value!;
    expect(ctx.fake.callsTo("stop").map((call) => `${call.method} ${call.path}`)).toEqual([
      `POST /v3/conversations/${conversation.id}/stop`,
    ]);
    expect(ctx.fake.running()).toHaveLength(0);
  });

  it.each(["null", "empty"] as const)(
    "ends the session when the stop answers 200 %s",
    async (answer) => {
      ctx.fake.stopAnswer = answer;
      expect(await startAndStop()).toMatchObject({ status: "ENDED", endReason: "hangup" });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
      expect(ctx.fake.running()).toHaveLength(0);
    },
  );

  it("leaves STOP_FAILED, for a later sweep, a stop whose 200 answer is neither a conversation nor empty", async () => {
    ctx.fake.failNext("stop", { times: 1, status: 200, body: { unexpected: true } });
    const session = await startAndStop();
    expect(session.status).toBe("STOP_FAILED");
    expect(ctx.fake.callsTo("stop")).toHaveLength(1);
  });
});
