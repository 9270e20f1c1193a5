import { describe, expect, it } from "vitest";

import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";
import { signWebhook, webhookBody, type WebhookEventInit } from "@/test/livekit-webhook";
import { startSession } from "@/test/sessions";

// Equos with our own LiveKit: rooms are named by session id and our LiveKit sends the events.

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp(
    {
      LIVEKIT_URL: "wss://livekit.example.test",
      LIVEKIT_API_KEY: "APIwebhook",
      LIVEKIT_API_SECRET: "webhook-secret-0123456789abcdef0123456789",
    },
    version,
  );
  const credentials = {
    apiKey: "APIwebhook",
    apiSecret: "webhook-secret-0123456789abcdef0123456789",
  };

  const row = async (id: string) =>
    (await ctx.app.db()).session.findUniqueOrThrow({ where: { id } });

  async function deliver(
    body: string,
    authorization?: string,
    headers: Record<string, string> = {},
  ) {
    return ctx.app.browser().call(
      "POST /api/livekit/webhook",
      {},
      {
        body,
        headers: {
          "content-type": "application/webhook+json",
          ...(authorization === undefined ? {} : { authorization }),
          ...headers,
        },
      },
    );
  }

  async function send(init: WebhookEventInit) {
    const body = webhookBody(init);
    return deliver(body, await signWebhook(body, credentials));
  }

  const user = (identity = "user-0123456789ab") => ({ identity, kind: "STANDARD" });

  describe("POST /api/livekit/webhook", () => {
    it("ends the session (user_left) when the person leaves its room", async () => {
      const id = await startSession(ctx.app.browser());
      const res = await send({ event: "participant_left", room: id, participant: user() });
      expect(res.status).toBe(200);
      expect(await row(id)).toMatchObject({ status: "ENDED", endReason: "user_left" });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
      expect(ctx.fake.running()).toHaveLength(0);

      // LiveKit retries deliveries; a repeat changes nothing and calls nobody.
      expect((await send({ event: "room_finished", room: id })).status).toBe(200);
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    it("takes the page's own reason over user_left while the stop is under way, once, with one provider stop", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      ctx.fake.latencyMs = 400; // the event's stop is still at the provider when the beacon lands
      const event = send({ event: "participant_left", room: id, participant: user() });
      await expect.poll(async () => (await row(id)).stopClaimedAt).not.toBeNull();

      const beacon = await browser.call(
        "POST /api/sessions/:id/stop",
        { id },
        { body: '{"reason":"page_closed"}', headers: { "content-type": "text/plain" } },
      );
      await event;
      expect(beacon.body).toMatchObject({ session: { status: "ENDED", endReason: "page_closed" } });
      expect(await row(id)).toMatchObject({ status: "ENDED", endReason: "page_closed" });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    it.each(["hangup", "page_closed"] as const)(
      "records the page's %s when its stop lands just after LiveKit's event ended the session",
      async (reason) => {
        const browser = ctx.app.browser();
        const id = await startSession(browser);
        await send({ event: "participant_left", room: id, participant: user() });
        expect(await row(id)).toMatchObject({ status: "ENDED", endReason: "user_left" });

        const stop = await browser.call(
          "POST /api/sessions/:id/stop",
          { id },
          { json: { reason } },
        );
        expect(stop.body).toMatchObject({ session: { status: "ENDED", endReason: reason } });
        expect(await row(id)).toMatchObject({ status: "ENDED", endReason: reason });
        expect(ctx.fake.callsTo("stop")).toHaveLength(1);
      },
    );

    it("keeps user_left when the page's stop comes long after the end", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      await send({ event: "participant_left", room: id, participant: user() });
      const db = await ctx.app.db();
      await db.session.update({ where: { id }, data: { endedAt: new Date(Date.now() - 600_000) } });

      const stop = await browser.call("POST /api/sessions/:id/stop", { id }, { json: {} });
      expect(stop.body).toMatchObject({ session: { status: "ENDED", endReason: "user_left" } });
    });

    it("the first reason of an ended session stands, and later events write nothing", async () => {
      const browser = ctx.app.browser();
      const id = await startSession(browser);
      await browser.call("POST /api/sessions/:id/stop", { id }, { json: {} });
      const ended = await row(id);
      expect(ended).toMatchObject({ status: "ENDED", endReason: "hangup" });

      const left = await send({ event: "participant_left", room: id, participant: user() });
      expect(left.status).toBe(200);
      expect((await send({ event: "room_finished", room: id })).status).toBe(200);
      expect(await row(id)).toEqual(ended);
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    it("ends the session (user_left) when its room finishes", async () => {
      const id = await startSession(ctx.app.browser());
      expect((await send({ event: "room_finished", room: id })).status).toBe(200);
      expect(await row(id)).toMatchObject({ status: "ENDED", endReason: "user_left" });
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
    });

    it.each([
      ["an agent leaving", { identity: "agent-AJ_1", kind: "AGENT" }],
      ["the avatar leaving", { identity: "jeremy", kind: "STANDARD" }],
      ["a recorder leaving", { identity: "EG_1", kind: "EGRESS" }],
      [
        "the person replaced by their own reconnect",
        { ...user(), disconnectReason: "DUPLICATE_IDENTITY" },
      ],
    ])("ignores %s", async (_, participant) => {
      const id = await startSession(ctx.app.browser());
      const res = await send({ event: "participant_left", room: id, participant });
      expect(res.status).toBe(200);
      expect((await row(id)).status).toBe("ACTIVE");
      expect(ctx.fake.callsTo("stop")).toHaveLength(0);
    });

    it.each(["room_started", "participant_joined", "track_published"])(
      "acknowledges %s and changes nothing",
      async (event) => {
        const id = await startSession(ctx.app.browser());
        const res = await send({ event, room: id, participant: user() });
        expect(res.status).toBe(200);
        expect((await row(id)).status).toBe("ACTIVE");
      },
    );

    it.each([
      ["a session id nobody started", "ses_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"],
      ["a room that is not a session", "team-standup"],
    ])("answers 200 for %s and changes nothing", async (_, room) => {
      const id = await startSession(ctx.app.browser());
      const db = await ctx.app.db();
      const before = await db.session.findMany({ orderBy: { id: "asc" } });
      const left = await send({ event: "participant_left", room, participant: user() });
      const finished = await send({ event: "room_finished", room });
      expect([left.status, finished.status]).toEqual([200, 200]);
      expect(await db.session.findMany({ orderBy: { id: "asc" } })).toEqual(before);
      expect((await row(id)).status).toBe("ACTIVE");
      expect(ctx.fake.callsTo("stop")).toHaveLength(0);
    });

    describe("refuses an event LiveKit did not sign (401), changing nothing", () => {
      const cases: Array<[string, (body: string, id: string) => Promise<string | undefined>]> = [
        ["no Authorization header", async () => undefined],
        ["an empty Authorization header", async () => ""],
        ["garbage", async () => "not-a-token"],
        [
          "a token signed with another secret",
          (body) => signWebhook(body, { ...credentials, apiSecret: "x".repeat(40) }),
        ],
        [
          "a token for another API key",
          (body) => signWebhook(body, { ...credentials, apiKey: "APIother" }),
        ],
        [
          "a token for a different body",
          (_, id) => signWebhook(webhookBody({ event: "room_started", room: id }), credentials),
        ],
        [
          "the token with a Bearer prefix of another's",
          async (body) =>
            `Bearer ${await signWebhook(body, { ...credentials, apiSecret: "y".repeat(40) })}`,
        ],
      ];
      it.each(cases)("%s", async (_, authorizationFor) => {
        const id = await startSession(ctx.app.browser());
        const body = webhookBody({ event: "participant_left", room: id, participant: user() });
        const res = await deliver(body, await authorizationFor(body, id));
        expect(res.status).toBe(401);
        expect(res.body).toMatchObject({ error: { code: "UNAUTHORIZED" } });
        expect((await row(id)).status).toBe("ACTIVE");
        expect(ctx.fake.callsTo("stop")).toHaveLength(0);
      });
    });

    it("is not subject to the browser origin check (LiveKit signs its requests)", async () => {
      const id = await startSession(ctx.app.browser());
      const body = webhookBody({ event: "room_finished", room: id });
      const res = await deliver(body, await signWebhook(body, credentials), {
        origin: "https://elsewhere.example",
      });
      expect(res.status).toBe(200);
      expect((await row(id)).status).toBe("ENDED");
    });

    it("refuses an oversized body (413)", async () => {
      const body = JSON.stringify({ event: "room_finished", padding: "x".repeat(70_000) });
      const res = await deliver(body, await signWebhook(body, credentials));
      expect(res.status).toBe(413);
    });
  });
});
