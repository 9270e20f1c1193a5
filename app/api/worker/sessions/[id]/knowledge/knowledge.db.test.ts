// A conversation's knowledge (against a real LiveKit server, on PGlite and PostgreSQL): a start
// names public knowledge bases, and the avatar agent searches them, and only them, through its
// own route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DocumentView } from "@/lib/knowledge/store";
import { loadApp } from "@/test/app";
import { untilRead } from "@/test/knowledge";
import { liveKitBinary, localAppEnv, startLiveKit } from "@/test/livekit-server";
import { dispatched, reportCapacity, signed } from "@/test/worker-calls";

const binary = liveKitBinary();
const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let livekit: Awaited<ReturnType<typeof startLiveKit>>;
let app: Awaited<ReturnType<typeof loadApp>>;

async function base(name: string, isPublic: boolean, text: string) {
  const made = await app
    .browser()
    .call<{ base: { id: string } }>(
      "POST /api/admin/knowledge",
      {},
      { json: { name, isPublic }, headers: admin },
    );
  const id = made.body.base.id;
  const added = await app
    .browser()
    .call<{ document: DocumentView }>(
      "POST /api/admin/knowledge/:id/documents",
      { id },
      { json: { title: `${name} notes`, text }, headers: admin },
    );
  const list = async () =>
    (
      await app
        .browser()
        .call<{ documents: DocumentView[] }>(
          "GET /api/admin/knowledge/:id/documents",
          { id },
          { headers: admin },
        )
    ).body.documents;
  expect((await untilRead(list, added.body.document.id)).status).toBe("ready");
  return id;
}

beforeAll(async () => {
  if (!binary) return;
  livekit = await startLiveKit(binary);
  app = await loadApp(localAppEnv(livekit, { ADMIN_TOKEN }));
  expect((await reportCapacity(app)).status).toBe(204);
}, 30_000);
afterAll(async () => {
  await livekit?.stop();
});

type Started = { session?: { id: string }; error?: { message: string } };

type Passages = { passages: Array<{ text: string; heading: string | null; source: string }> };

describe.skipIf(!binary)("a conversation's knowledge", () => {
  it("is searched by the avatar agent: the session's public bases, and no other", async () => {
    const handbook = await base(
      "Handbook",
      true,
      "# Refunds\n\nShoes may be returned within 30 days.",
    );
    await base("Zoo", true, "# Penguins\n\nPenguins may be fed at noon.");
    const started = await app
      .browser()
      .call<Started>("POST /api/sessions", {}, { json: { knowledge: [handbook, handbook] } });
    expect(started.status).toBe(201);
    const id = started.body.session!.id;
    const row = await (await app.db()).session.findUniqueOrThrow({ where: { id } });
    expect(row.knowledgeBaseIds).toEqual([handbook]);
    // The agent is told what the knowledge is about (offline, the interviewer asks about it).
    expect((await dispatched(livekit.url, id)).knowledge).toEqual({ topics: ["Refunds"] });

    const search = (query: string) =>
      signed("jeremy-worker", id).then((headers) =>
        app
          .browser()
          .call<Passages>(
            "POST /api/worker/sessions/:id/knowledge",
            { id },
            { json: { query }, headers },
          ),
      );
    const found = await search("Can I return shoes?");
    expect(found.status).toBe(200);
    expect(found.body.passages).toEqual([
      {
        heading: "Refunds",
        text: "Shoes may be returned within 30 days.",
        source: "Handbook notes",
      },
    ]);
    // The other base's words are not this conversation's knowledge.
    expect((await search("penguins fed")).body.passages).toEqual([]);
    // Nor are those of a document still being read.
    const db = await app.db();
    await db.knowledgeDocument.create({
      data: {
        id: "doc_00000000000000aa",
        baseId: handbook,
        title: "Draft",
        kind: "text",
        bytes: 9,
      },
    });
    await db.knowledgeDocument.update({
      where: { id: "doc_00000000000000aa" },
      data: { status: "processing", progress: 0.5 },
    });
    await db.knowledgePassage.create({
      data: { documentId: "doc_00000000000000aa", baseId: handbook, seq: 0, text: "Umbrellas." },
    });
    expect((await search("umbrellas")).body.passages).toEqual([]);
    // Withdrawn by the operator, the base is no longer searched, even by conversations going on.
    const withdrawn = await app
      .browser()
      .call(
        "PATCH /api/admin/knowledge/:id",
        { id: handbook },
        { json: { isPublic: false }, headers: admin },
      );
    expect(withdrawn.status).toBe(200);
    expect((await search("Can I return shoes?")).body.passages).toEqual([]);
  });

  it("refuses a private base, an unknown one and a malformed id at the start, making nothing", async () => {
    const secret = await base("Secret", false, "Internal only.");
    const before = await (await app.db()).session.count();
    for (const [knowledge, message] of [
      [[secret], `knowledge: "${secret}" is not a knowledge base available here`],
      [["kb_0000000000000000"], "is not a knowledge base available here"],
      [["Handbook"], "knowledge.0: must be a knowledge base id"],
      [Array.from({ length: 6 }, () => secret), "at most 5 knowledge bases"],
    ] as const) {
      const res = await app
        .browser()
        .call<Started>("POST /api/sessions", {}, { json: { knowledge } });
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toContain(message);
    }
    expect(await (await app.db()).session.count()).toBe(before);
  });

  it("answers only the avatar agent of that session, and takes only a short query", async () => {
    const started = await app.browser().call<Started>("POST /api/sessions", {}, { json: {} });
    const id = started.body.session!.id;
    expect(await dispatched(livekit.url, id)).not.toHaveProperty("knowledge");
    const call = async (headers: Record<string, string>, json: unknown) =>
      (
        await app
          .browser()
          .call("POST /api/worker/sessions/:id/knowledge", { id }, { json, headers })
      ).status;
    expect(await call({}, { query: "x" })).toBe(401);
    expect(await call(await signed("jeremy-worker", "ses_other"), { query: "x" })).toBe(403);
    const worker = await signed("jeremy-worker", id);
    expect(await call(worker, { query: "x".repeat(501) })).toBe(400);
    expect(await call(worker, { query: "a\u0000b" })).toBe(400);
    // A session with no knowledge finds nothing.
    const none = await app
      .browser()
      .call<Passages>(
        "POST /api/worker/sessions/:id/knowledge",
        { id },
        { json: { query: "shoes" }, headers: worker },
      );
    expect(none.body.passages).toEqual([]);
  });
});
