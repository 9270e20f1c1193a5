import { AccessToken } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";

import { LIVEKIT_DEV_DEFAULTS } from "@/lib/env";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({ ADMIN_TOKEN }, version);

  async function workerToken(room: string, options: { identity?: string; secret?: string } = {}) {
    const token = new AccessToken(
      LIVEKIT_DEV_DEFAULTS.apiKey,
      options.secret ?? LIVEKIT_DEV_DEFAULTS.apiSecret,
      {
        identity: options.identity ?? "jeremy-worker",
        ttl: 60,
      },
    );
    token.addGrant({ room, roomJoin: false });
    return token.toJwt();
  }

  const lines = [
    { seq: 0, role: "assistant", text: "Hello! I'm Jeremy.", at: "2026-11-21T10:00:00.000Z" },
    { seq: 1, role: "user", text: "(spoken, 2.1 s)", at: "2026-11-21T10:00:04.000Z" },
  ];

  async function newSession() {
    const res = await ctx.app
      .browser()
      .call<{ session: { id: string } }>("POST /api/sessions", {}, { json: {} });
    return res.body.session.id;
  }

  describe("POST /api/worker/sessions/{id}/transcript", () => {
    it("stores the worker's transcript once, however often it is sent", async () => {
      const id = await newSession();
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      const first = await ctx.app
        .browser()
        .call(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines }, headers: auth },
        );
      expect(first).toMatchObject({ status: 200, body: { stored: 2, refused: [] } });
      const again = await ctx.app
        .browser()
        .call(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines }, headers: auth },
        );
      expect(again.body).toEqual({ stored: 0, refused: [] });

      const stored = await (
        await ctx.app.db()
      ).transcriptLine.findMany({ where: { sessionId: id }, orderBy: { seq: "asc" } });
      expect(stored.map((line) => [line.role, line.text])).toEqual([
        ["assistant", "Hello! I'm Jeremy."],
        ["user", "(spoken, 2.1 s)"],
      ]);
    });

    it("reads lines back in the order they were said, whatever order they arrived in", async () => {
      const owner = ctx.app.browser();
      const started = await owner.call<{ session: { id: string } }>(
        "POST /api/sessions",
        {},
        { json: {} },
      );
      const id = started.body.session.id;
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      // The person's turn is recorded first; the greeting it cut short, begun before it, second.
      const arrived = [
        {
          seq: 0,
          role: "user",
          text: "I'd rather talk about sailing.",
          at: "2026-11-21T10:00:04.000Z",
        },
        { seq: 1, role: "assistant", text: "Hello Ada,", at: "2026-11-21T10:00:01.000Z" },
        { seq: 2, role: "assistant", text: "Sailing, lovely.", at: "2026-11-21T10:00:06.000Z" },
      ];
      for (const line of arrived) {
        await ctx.app
          .browser()
          .call(
            "POST /api/worker/sessions/:id/transcript",
            { id },
            { json: { lines: [line] }, headers: auth },
          );
      }
      const said = ["Hello Ada,", "I'd rather talk about sailing.", "Sailing, lovely."];
      const read = await owner.call<{ lines: Array<{ text: string }> }>(
        "GET /api/sessions/:id/transcript",
        { id },
      );
      expect(read.body.lines.map((line) => line.text)).toEqual(said);
      const admin = await ctx.app
        .browser()
        .call<{ session: { transcript: Array<{ text: string }> } }>(
          "GET /api/admin/sessions/:id",
          { id },
          { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } },
        );
      expect(admin.body.session.transcript.map((line) => line.text)).toEqual(said);
    });

    it.each([
      ["no token", async () => ({}), 401],
      [
        "a token signed with another secret",
        async (id: string) => ({
          authorization: `Bearer ${await workerToken(id, { secret: "x".repeat(40) })}`,
        }),
        401,
      ],
      [
        "a token for another session",
        async () => ({
          authorization: `Bearer ${await workerToken("ses_ffffffffffffffffffffffffffffffff")}`,
        }),
        403,
      ],
      [
        "a user's token",
        async (id: string) => ({
          authorization: `Bearer ${await workerToken(id, { identity: "user-1" })}`,
        }),
        403,
      ],
    ] as const)("refuses %s and stores nothing", async (_, headersFor, status) => {
      const id = await newSession();
      const res = await ctx.app
        .browser()
        .call(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines }, headers: await headersFor(id) },
        );
      expect(res.status).toBe(status);
      expect(await (await ctx.app.db()).transcriptLine.count({ where: { sessionId: id } })).toBe(0);
    });

    it("rejects a body that is not a report with 400", async () => {
      const id = await newSession();
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      const res = await ctx.app
        .browser()
        .call(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines: "all of them" }, headers: auth },
        );
      expect(res.status).toBe(400);
    });

    it("keeps a batch's good lines and names the refused ones (an interrupted line is empty)", async () => {
      const id = await newSession();
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      const batch = [
        { seq: 0, role: "assistant", text: "", at: "2026-11-21T10:00:00.000Z" },
        { seq: 1, role: "user", text: "Go on.", at: "2026-11-21T10:00:01.000Z" },
        { seq: 2, role: "narrator", text: "Meanwhile.", at: "2026-11-21T10:00:02.000Z" },
        { seq: 3, role: "assistant", text: "  \u0000 ", at: "2026-11-21T10:00:03.000Z" },
        { seq: 4, role: "assistant", text: "So, as I said.", at: "2026-11-21T10:00:04.000Z" },
      ];
      const res = await ctx.app
        .browser()
        .call<{ stored: number; refused: Array<{ index: number; reason: string }> }>(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines: batch }, headers: auth },
        );
      expect(res.status).toBe(200);
      expect(res.body.stored).toBe(2);
      expect(res.body.refused.map((line) => line.index)).toEqual([0, 2, 3]);
      expect(res.body.refused[0]?.reason).toMatch(/^text: /);
      expect(res.body.refused[1]?.reason).toMatch(/^role: /);
      const stored = await (
        await ctx.app.db()
      ).transcriptLine.findMany({ where: { sessionId: id }, orderBy: { seq: "asc" } });
      expect(stored.map((line) => line.text)).toEqual(["Go on.", "So, as I said."]);
    });

    it("cleans what PostgreSQL cannot store out of a line, and keeps the rest of the batch", async () => {
      const id = await newSession();
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      const messy = [
        { seq: 0, role: "user", text: "nul\u0000here", at: "2026-11-21T10:00:00.000Z" },
        { seq: 1, role: "user", text: "half \ud83d pair", at: "2026-11-21T10:00:01.000Z" },
        { seq: 2, role: "assistant", text: "Fine.", at: "2026-11-21T10:00:02.000Z" },
      ];
      const res = await ctx.app
        .browser()
        .call(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines: messy }, headers: auth },
        );
      expect(res).toMatchObject({ status: 200, body: { stored: 3 } });
      const stored = await (
        await ctx.app.db()
      ).transcriptLine.findMany({ where: { sessionId: id }, orderBy: { seq: "asc" } });
      expect(stored.map((line) => line.text)).toEqual(["nulhere", "half \ufffd pair", "Fine."]);
    });

    it("keeps at most 2,000 lines per session", async () => {
      const id = await newSession();
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      const many = Array.from({ length: 10 }, (_, i) => ({
        seq: 1995 + i,
        role: "user",
        text: `line ${i}`,
        at: "2026-11-21T10:00:00.000Z",
      }));
      const res = await ctx.app
        .browser()
        .call(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines: many }, headers: auth },
        );
      expect(res).toMatchObject({ status: 200, body: { stored: 5 } });
      expect(res.body.refused).toHaveLength(5);
    });

    it("takes lines while the session is live or just ended, not long after (409)", async () => {
      const id = await newSession();
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      const db = await ctx.app.db();
      const report = () =>
        ctx.app
          .browser()
          .call(
            "POST /api/worker/sessions/:id/transcript",
            { id },
            { json: { lines }, headers: auth },
          );
      await db.session.update({
        where: { id },
        data: { status: "ENDED", endedAt: new Date(Date.now() - 10_000) },
      });
      expect((await report()).status).toBe(200);
      await db.session.update({ where: { id }, data: { endedAt: new Date(Date.now() - 600_000) } });
      expect((await report()).status).toBe(409);
    });

    it("answers 404 for a session that does not exist", async () => {
      const id = "ses_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
      const auth = { authorization: `Bearer ${await workerToken(id)}` };
      const res = await ctx.app
        .browser()
        .call(
          "POST /api/worker/sessions/:id/transcript",
          { id },
          { json: { lines }, headers: auth },
        );
      expect(res.status).toBe(404);
    });
  });
});
