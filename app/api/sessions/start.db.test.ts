import { describe, expect, it } from "vitest";

import { peerHeaders } from "@/lib/http/peer-address";
import { loadApp } from "@/test/app";
import { EQUOS_VERSIONS, setUpEquosApp } from "@/test/equos-app";

describe.each(EQUOS_VERSIONS)("with Equos API %s", (version) => {
  const ctx = setUpEquosApp({}, version);

  type StartBody = {
    session: Record<string, unknown> & { id: string; status: string };
    connection: { serverUrl: string; participantToken: string; participantIdentity: string };
  };

  describe("POST /api/sessions with Equos", () => {
    it("starts a session, records it ACTIVE and hands the browser a connection", async () => {
      const browser = ctx.app.browser();
      const res = await browser.call<StartBody>(
        "POST /api/sessions",
        {},
        {
          json: { context: "Company Name is XYZ Consult", userName: "Ada" },
        },
      );

      expect(res.status).toBe(201);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const cookie = res.headers.getSetCookie().join("\n");
      expect(cookie).toMatch(/jeremy_owner=[\w-]{43}/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=strict/i);
      expect(cookie).toMatch(/Path=\/api\/sessions/);

      const { session, connection } = res.body;
      expect(session.id).toMatch(/^ses_[0-9a-f]{32}$/);
      expect(session).toMatchObject({
        status: "ACTIVE",
        provider: "equos",
        profile: "interviewer",
        face: "equos",
        avatar: { identity: "equos-avatar", name: "Jeremy" },
        endedAt: null,
        durationSeconds: null,
        maxDurationSeconds: 600,
        endReason: null,
      });
      expect(Object.keys(session).sort()).toEqual([
        "avatar",
        "durationSeconds",
        "endReason",
        "endedAt",
        "face",
        "id",
        "maxDurationSeconds",
        "pausedAt",
        "profile",
        "provider",
        "startedAt",
        "status",
        "talkedSeconds",
      ]);
      expect(connection.serverUrl).toBe("wss://fake-equos.livekit.test");
      expect(connection.participantToken).toMatch(/^consumer-token-eqs_/);

      const [create] = ctx.fake.callsTo("create");
      expect(ctx.fake.callsTo("create")).toHaveLength(1);
      expect(create?.apiKey).toBe(ctx.fake.apiKey);
      const consumer = { identity: connection.participantIdentity, name: "Ada" };
      // The same facts in each version's words.
      const sent = {
        v1: {
          client: session.id,
          avatar: { id: "avatar_jeremy" },
          agent: { id: "agent_interviewer" },
          maxDuration: 600,
          additionalCtx: "Company Name is XYZ Consult",
          consumerIdentity: consumer,
        },
        v3: {
          client: session.id,
          characterId: "char_jeremy",
          maxSeconds: 600,
          promptCtx: expect.stringContaining("Company Name is XYZ Consult"),
          consumer,
        },
      };
      expect(create?.body).toMatchObject(sent[version]);

      const row = await (
        await ctx.app.db()
      ).session.findUniqueOrThrow({ where: { id: session.id } });
      expect(row).toMatchObject({ status: "ACTIVE", providerSessionId: ctx.fake.running()[0]?.id });
    });

    it("reads the session back for its owner only", async () => {
      const owner = ctx.app.browser();
      const { body } = await owner.call<StartBody>("POST /api/sessions", {}, { json: {} });
      const id = body.session.id;

      const mine = await owner.call("GET /api/sessions/:id", { id });
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual({ session: body.session });

      const stranger = await ctx.app.browser().call("GET /api/sessions/:id", { id });
      expect(stranger.status).toBe(403);
      expect(stranger.body).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });

      const unknown = await owner.call("GET /api/sessions/:id", {
        id: "ses_00000000000000000000000000000000",
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ error: { code: "NOT_FOUND" } });
      const malformed = await owner.call("GET /api/sessions/:id", { id: "../../etc/passwd" });
      expect(malformed.status).toBe(404);
    });

    it("keeps one owner key per browser across sessions", async () => {
      const browser = ctx.app.browser();
      const first = await browser.call("POST /api/sessions", {}, { json: {} });
      const second = await browser.call("POST /api/sessions", {}, { json: {} });
      const key = (res: typeof first) => res.headers.getSetCookie()[0]?.split(";")[0];
      expect(key(second)).toBe(key(first));
    });
  });

  describe("POST /api/sessions rejects bad input without creating anything", () => {
    type BadRequest = {
      json?: unknown;
      body?: string | Uint8Array;
      headers?: Record<string, string>;
    };
    const cases: Array<[string, BadRequest, number, string]> = [
      ["a number as context", { json: { context: 42 } }, 400, "BAD_REQUEST"],
      ["a name over 64 characters", { json: { userName: "x".repeat(65) } }, 400, "BAD_REQUEST"],
      ["an empty name", { json: { userName: "   " } }, 400, "BAD_REQUEST"],
      ["context over 2,500 words", { json: { context: "word ".repeat(2501) } }, 400, "BAD_REQUEST"],
      [
        "context over 20,000 characters",
        { json: { context: "x".repeat(20_001) } },
        400,
        "BAD_REQUEST",
      ],
      ["control characters in a name", { json: { userName: "Ada\u0007" } }, 400, "BAD_REQUEST"],
      ["an unknown field", { json: { profil: "echo" } }, 400, "BAD_REQUEST"],
      ["an array body", { json: [1, 2] }, 400, "BAD_REQUEST"],
      [
        "JSON null",
        { body: "null", headers: { "content-type": "application/json" } },
        400,
        "BAD_REQUEST",
      ],
      ["a profile Equos cannot run", { json: { profile: "echo" } }, 400, "BAD_REQUEST"],
      ["a face Equos does not show", { json: { face: "jeremy" } }, 400, "BAD_REQUEST"],
      ["a malformed face id", { json: { face: "../etc/passwd" } }, 400, "BAD_REQUEST"],
      [
        "a malformed profile name",
        { json: { profile: "Robert'); DROP TABLE" } },
        400,
        "BAD_REQUEST",
      ],
      [
        "broken JSON",
        { body: '{"context": ', headers: { "content-type": "application/json" } },
        400,
        "BAD_REQUEST",
      ],
      [
        "invalid UTF-8",
        {
          body: new Uint8Array([0x7b, 0xff, 0x7d]),
          headers: { "content-type": "application/json" },
        },
        400,
        "BAD_REQUEST",
      ],
      [
        "a form body",
        { body: "context=hi", headers: { "content-type": "application/x-www-form-urlencoded" } },
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      ],
      ["JSON without a content type", { body: "{}" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
      [
        "text/plain",
        { body: "{}", headers: { "content-type": "text/plain" } },
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      ],
      [
        "a Latin-1 charset",
        { body: "{}", headers: { "content-type": "application/json; charset=latin1" } },
        415,
        "UNSUPPORTED_MEDIA_TYPE",
      ],
      [
        "a 1 MB body",
        {
          body: JSON.stringify({ context: "x".repeat(1_000_000) }),
          headers: { "content-type": "application/json" },
        },
        413,
        "PAYLOAD_TOO_LARGE",
      ],
    ];

    it.each(cases)("%s", async (_, request, status, code) => {
      const db = await ctx.app.db();
      const rowsBefore = await db.session.count();
      const res = await ctx.app.browser().call("POST /api/sessions", {}, request);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
      expect(ctx.fake.calls).toHaveLength(0);
      expect(await db.session.count()).toBe(rowsBefore);
    });

    it("names the faces to choose from", async () => {
      const res = await ctx.app.browser().call("POST /api/sessions", {}, { json: { face: "bey" } });
      expect(res.body).toEqual({
        error: {
          code: "BAD_REQUEST",
          message: 'Invalid request: face: "bey" is not available here; choose one of equos.',
        },
      });
      const faces = await ctx.app.browser().call<{ faces: unknown[] }>("GET /api/faces");
      expect(faces.status).toBe(200);
      // The character as Equos names and pictures it (v1's avatars have no picture).
      const portraitUrl =
        version === "v3" ? "https://cdn.fake-equos.test/faces/jeremy-thumb.png" : null;
      expect(faces.body.faces).toEqual([{ id: "equos", name: "Jeremy", portraitUrl }]);
    });

    it("says which field is wrong", async () => {
      const res = await ctx.app.browser().call("POST /api/sessions", {}, { json: { context: 42 } });
      expect((res.body as { error: { message: string } }).error.message).toContain("context");
    });

    it("accepts exactly 2,500 words of context", async () => {
      const res = await ctx.app
        .browser()
        .call("POST /api/sessions", {}, { json: { context: "word ".repeat(2500) } });
      expect(res.status).toBe(201);
    });
  });

  describe("POST /api/sessions when Equos fails", () => {
    const failStart = async () => {
      const res = await ctx.app
        .browser()
        .call<{ error: { code: string } }>("POST /api/sessions", {}, { json: {} });
      const db = await ctx.app.db();
      const row = await db.session.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
      return { res, row };
    };

    it("records FAILED with start_failed when Equos answers 500 (503 PROVIDER_UNAVAILABLE)", async () => {
      ctx.fake.failNext("create", { times: 1, status: 500 });
      const { res, row } = await failStart();
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("PROVIDER_UNAVAILABLE");
      expect(row).toMatchObject({
        status: "FAILED",
        endReason: "start_failed",
        durationSeconds: 0,
      });
      expect(row.lastProviderError).toContain("500");
      expect(ctx.fake.callsTo("create")).toHaveLength(1); // creating is never retried
    });

    it("answers 503 PROVIDER_QUOTA_EXCEEDED on FREEMIUM_LIMIT", async () => {
      ctx.fake.exhaustQuota();
      const { res, row } = await failStart();
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("PROVIDER_QUOTA_EXCEEDED");
      expect(row.status).toBe("FAILED");
    });

    it("answers 503 PROVIDER_UNAVAILABLE with Retry-After when Equos is overloaded", async () => {
      ctx.fake.failNext("create", { times: 1, status: 503 });
      const { res } = await failStart();
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("PROVIDER_UNAVAILABLE");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    it.each([
      [400, 502, "PROVIDER_ERROR"],
      [402, 503, "PROVIDER_QUOTA_EXCEEDED"],
      [429, 503, "PROVIDER_UNAVAILABLE"],
      [502, 503, "PROVIDER_UNAVAILABLE"],
      [504, 504, "PROVIDER_TIMEOUT"],
    ])("maps an Equos %i to %i %s", async (equosStatus, status, code) => {
      ctx.fake.failNext("create", { times: 1, status: equosStatus });
      const { res, row } = await failStart();
      expect(res.status).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(row).toMatchObject({ status: "FAILED", endReason: "start_failed" });
      expect(ctx.fake.callsTo("create")).toHaveLength(1);
    });

    it("answers 504 PROVIDER_TIMEOUT when Equos hangs", async () => {
      ctx.fake.failNext("create", { times: 1, hang: true });
      const started = Date.now();
      const { res, row } = await failStart();
      expect(res.status).toBe(504);
      expect(res.body.error.code).toBe("PROVIDER_TIMEOUT");
      expect(Date.now() - started).toBeLessThan(5000);
      expect(row.status).toBe("FAILED");
    });

    it("stops the Equos session it created when the answer is unusable", async () => {
      ctx.fake.omitConsumerToken = true;
      const { res, row } = await failStart();
      expect(res.status).toBe(502);
      expect(row.status).toBe("FAILED");
      expect(ctx.fake.callsTo("stop")).toHaveLength(1);
      expect(ctx.fake.running()).toHaveLength(0);
    });

    it("treats a rejected API key as a provider error, not the caller's", async () => {
      const app = await loadApp({ ...ctx.env(), EQUOS_API_KEY: "wrong-key" });
      const res = await app
        .browser()
        .call<{ error: { code: string } }>("POST /api/sessions", {}, { json: {} });
      expect(res.status).toBe(502);
      expect(res.body.error.code).toBe("PROVIDER_ERROR");
      ctx.app = await loadApp(ctx.env());
    });
  });

  describe("POST /api/sessions when Equos cannot be reached", () => {
    it("answers 503 PROVIDER_UNAVAILABLE", async () => {
      const app = await loadApp({ ...ctx.env(), EQUOS_API_URL: "http://127.0.0.1:9" });
      const res = await app
        .browser()
        .call<{ error: { code: string } }>("POST /api/sessions", {}, { json: {} });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("PROVIDER_UNAVAILABLE");
      ctx.app = await loadApp(ctx.env());
    });
  });

  describe("per-client start limit", () => {
    it("answers 429 RATE_LIMITED with Retry-After once a client has used its starts", async () => {
      const app = await loadApp(
        ctx.env({ START_LIMIT_PER_CLIENT: "2", START_LIMIT_WINDOW_SECONDS: "600" }),
      );
      const from = (ip: string) => ({ json: {}, headers: peerHeaders(ip) });
      const browser = app.browser();
      expect((await browser.call("POST /api/sessions", {}, from("203.0.113.7"))).status).toBe(201);
      expect((await browser.call("POST /api/sessions", {}, from("203.0.113.7"))).status).toBe(201);

      const limited = await browser.call<{ error: { code: string; message: string } }>(
        "POST /api/sessions",
        {},
        from("203.0.113.7"),
      );
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("RATE_LIMITED");
      expect(limited.body.error.message).toMatch(/try again in \d+ minutes?/);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(500);

      expect((await browser.call("POST /api/sessions", {}, from("198.51.100.1"))).status).toBe(201);
      expect(ctx.fake.callsTo("create")).toHaveLength(3);
      ctx.app = await loadApp(ctx.env());
    });
  });

  describe("Equos with our own LiveKit (host mode)", () => {
    it("sends Equos a host token and gives the browser a microphone-only token for our server", async () => {
      const { TokenVerifier } = await import("livekit-server-sdk");
      const livekit = {
        LIVEKIT_URL: "wss://livekit.example.test",
        LIVEKIT_API_KEY: "APIbyo",
        LIVEKIT_API_SECRET: "byo-secret-0123456789abcdef0123456789",
      };
      const app = await loadApp(ctx.env(livekit));
      const res = await app
        .browser()
        .call<StartBody>("POST /api/sessions", {}, { json: { userName: "Ada" } });
      expect(res.status).toBe(201);
      const { session, connection } = res.body;
      const verifier = new TokenVerifier(livekit.LIVEKIT_API_KEY, livekit.LIVEKIT_API_SECRET);

      const host = (
        ctx.fake.callsTo("create")[0]?.body as { host: { serverUrl: string; accessToken: string } }
      ).host;
      expect(host.serverUrl).toBe(livekit.LIVEKIT_URL);
      const avatarClaims = await verifier.verify(host.accessToken);
      expect(avatarClaims.sub).toBe("jeremy");
      expect(avatarClaims.video).toMatchObject({
        room: session.id,
        roomJoin: true,
        canPublish: true,
      });

      expect(connection.serverUrl).toBe(livekit.LIVEKIT_URL);
      const userClaims = await verifier.verify(connection.participantToken);
      expect(userClaims.sub).toBe(connection.participantIdentity);
      expect(userClaims.name).toBe("Ada");
      expect(userClaims.video).toMatchObject({
        room: session.id,
        roomJoin: true,
        canSubscribe: true,
        canPublishData: true,
      });
      expect(userClaims.video?.canPublishSources).toEqual(["microphone"]);
      expect(session.avatar).toEqual({ identity: "jeremy", name: "Jeremy" });
      ctx.app = await loadApp(ctx.env());
    });
  });
});
