import { AccessToken } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";

import { LIVEKIT_DEV_DEFAULTS } from "@/lib/env";
import { roomNameFor } from "@/lib/livekit/rooms";
import { setUpEquosApp } from "@/test/equos-app";

// One Jeremy per room: LiveKit dispatches a room again when the node hosting it dies or the
// worker running it misses its pings, and the later job must leave rather than join.
describe("POST /api/worker/sessions/{id}/avatar-job", () => {
  const ctx = setUpEquosApp({}, "v3");

  async function workerToken(room: string, identity = "jeremy-worker") {
    const token = new AccessToken(LIVEKIT_DEV_DEFAULTS.apiKey, LIVEKIT_DEV_DEFAULTS.apiSecret, {
      identity,
      ttl: 60,
    });
    token.addGrant({ room, roomJoin: false });
    return token.toJwt();
  }

  async function claim(id: string, body: unknown, identity?: string) {
    const headers = { authorization: `Bearer ${await workerToken(id, identity)}` };
    return ctx.app
      .browser()
      .call<{ error?: { code: string; message: string } }>(
        "POST /api/worker/sessions/:id/avatar-job",
        { id },
        { json: body, headers },
      );
  }

  /** A session started by a browser of its own (which may pause, resume or stop it). */
  async function newSession() {
    const browser = ctx.app.browser();
    const res = await browser.call<{ session: { id: string } }>(
      "POST /api/sessions",
      {},
      { json: {} },
    );
    return { browser, id: res.body.session.id };
  }

  const holder = async (id: string) =>
    (await ctx.app.db()).session.findUniqueOrThrow({
      where: { id },
      select: { avatarJobId: true, avatarJobRoom: true },
    });

  it("gives the room to the first job, again to the same job, and refuses any other", async () => {
    const { id } = await newSession();
    expect((await claim(id, { room: id, jobId: "AJ_first" })).status).toBe(204);
    expect((await claim(id, { room: id, jobId: "AJ_first" })).status).toBe(204);
    const second = await claim(id, { room: id, jobId: "AJ_second" });
    expect(second).toMatchObject({ status: 409, body: { error: { code: "CONFLICT" } } });
    expect(await holder(id)).toEqual({ avatarJobId: "AJ_first", avatarJobRoom: id });
  });

  it("lets exactly one of two jobs claiming at once have the room", async () => {
    const { id } = await newSession();
    const answers = await Promise.all(
      ["AJ_a", "AJ_b", "AJ_c"].map((jobId) => claim(id, { room: id, jobId })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([204, 409, 409]);
  });

  it("claims a resumed session's new room afresh, and refuses its old one", async () => {
    const { browser, id } = await newSession();
    expect((await claim(id, { room: id, jobId: "AJ_first" })).status).toBe(204);
    expect((await browser.call("POST /api/sessions/:id/pause", { id })).status).toBe(200);
    // Paused: no avatar is wanted.
    expect((await claim(id, { room: id, jobId: "AJ_late" })).status).toBe(409);
    expect((await browser.call("POST /api/sessions/:id/resume", { id })).status).toBe(200);
    const second = roomNameFor(id, 2);
    expect((await claim(id, { room: id, jobId: "AJ_late" })).status).toBe(409);
    expect((await claim(id, { room: second, jobId: "AJ_resumed" })).status).toBe(204);
    expect(await holder(id)).toEqual({ avatarJobId: "AJ_resumed", avatarJobRoom: second });
  });

  it("refuses a stopped session's room", async () => {
    const { browser, id } = await newSession();
    await browser.call("POST /api/sessions/:id/stop", { id }, { json: {} });
    const answer = await claim(id, { room: id, jobId: "AJ_first" });
    expect(answer.status).toBe(409);
    expect(answer.body.error?.message).toMatch(/ended/);
  });

  it.each([
    [
      "an unknown session",
      "ses_ffffffffffffffffffffffffffffffff",
      { room: "x", jobId: "AJ_x" },
      404,
    ],
    ["a body that is not a claim", undefined, { room: "x" }, 400],
    ["a body with more than a claim", undefined, { room: "x", jobId: "AJ_x", extra: 1 }, 400],
  ] as const)("answers %s with a clear error", async (_, unknownId, body, status) => {
    const id = unknownId ?? (await newSession()).id;
    const answer = await claim(id, body);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.message).toBeTruthy();
  });

  it("refuses a caller that is not the worker", async () => {
    const { id } = await newSession();
    expect((await claim(id, { room: id, jobId: "AJ_x" }, "user-1")).status).toBe(403);
    expect(await holder(id)).toEqual({ avatarJobId: null, avatarJobRoom: null });
  });
});
