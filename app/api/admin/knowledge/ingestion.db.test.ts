// A document's reading after the response that added it, through the admin API on PGlite and
// PostgreSQL: a large one stored in batches until ready; a page that never answers failed with
// why; an abandoned reading shown as interrupted (a GET writes nothing) and read anew on Fetch
// again; a page fetched again kept searchable until replaced (or kept, with why, when the fetch
// fails); and searches that only ever see documents that are ready.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { INTERRUPTED, REFETCH_INTERRUPTED } from "@/lib/knowledge/document-status";
import type { DocumentView } from "@/lib/knowledge/store";
import { knowledgeTopics } from "@/lib/knowledge/topics";
import { loadApp } from "@/test/app";
import { untilRead } from "@/test/knowledge";
import { startPageServer } from "@/test/page-server";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let app: Awaited<ReturnType<typeof loadApp>>;
let db: PrismaClient;
let server: Awaited<ReturnType<typeof startPageServer>>;
let notice = { status: 200, text: "<title>Notice</title><h2>Hours</h2><p>Open at nine.</p>" };
/** Requests for /held, each answered when a test says so (resolving once the page is sent). */
const held: Array<(text: string) => Promise<void>> = [];

beforeAll(async () => {
  server = await startPageServer({
    "/silent": () => undefined, // never answers
    "/notice": (_req, res) =>
      res.writeHead(notice.status, { "content-type": "text/html" }).end(notice.text),
    "/held": (_req, res) => {
      held.push(
        (text) =>
          new Promise((resolve) =>
            res.writeHead(200, { "content-type": "text/plain" }).end(text, resolve),
          ),
      );
    },
  });
  app = await loadApp({
    NODE_ENV: "test",
    AVATAR_PROVIDER: "local",
    ADMIN_TOKEN,
    KNOWLEDGE_ALLOWED_HOSTS: "localhost",
  });
  db = await app.db();
}, 30_000);
afterAll(() => server.close());

const page = (path: string) => `http://localhost:${server.port}${path}`;
/** Until the readings started by the handlers (after their responses) have ended. */
const readingsEnded = async () => (await import("@/lib/http/after-response")).backgroundSettled();

async function newBase() {
  const res = await app
    .browser()
    .call<{ base: { id: string } }>(
      "POST /api/admin/knowledge",
      {},
      { json: { name: "Background" }, headers: admin },
    );
  return res.body.base.id;
}

async function documentsOf(id: string) {
  const res = await app
    .browser()
    .call<{ documents: DocumentView[] }>(
      "GET /api/admin/knowledge/:id/documents",
      { id },
      { headers: admin },
    );
  expect(res.status).toBe(200);
  return res.body.documents;
}

async function add(id: string, json: unknown) {
  const res = await app
    .browser()
    .call<{ document: DocumentView }>(
      "POST /api/admin/knowledge/:id/documents",
      { id },
      { json, headers: admin },
    );
  expect(res.status).toBe(202);
  expect(res.body.document).toMatchObject({ status: "processing", progress: 0, passages: 0 });
  return res.body.document;
}

async function refetch(id: string, documentId: string) {
  return app
    .browser()
    .call<{ document: DocumentView; error: { message: string } }>(
      "POST /api/admin/knowledge/:id/documents/:documentId/refetch",
      { id, documentId },
      { headers: admin },
    );
}

async function search(id: string, q: string) {
  const res = await app
    .browser()
    .call<{ passages: Array<{ text: string; source: string }> }>(
      "GET /api/admin/knowledge/:id/search",
      { id },
      { query: { q }, headers: admin },
    );
  expect(res.status).toBe(200);
  return res.body.passages;
}

/** A document as a reading left it, made directly in the database. */
async function documentRow(
  baseId: string,
  row: { status: string; progress: number; minutesAgo: number; passages: string[] },
) {
  const id = `doc_${Math.random().toString(16).slice(2, 10).padEnd(16, "0")}`;
  await db.knowledgeDocument.create({
    data: {
      id,
      baseId,
      title: `Left ${row.status}`,
      kind: "web",
      bytes: 10,
      sourceUrl: page("/notice"),
      status: row.status,
      progress: row.progress,
    },
  });
  await db.knowledgePassage.createMany({
    data: row.passages.map((text, seq) => ({ documentId: id, baseId, seq, heading: "Left", text })),
  });
  await db.knowledgeDocument.update({
    where: { id },
    data: { updatedAt: new Date(Date.now() - row.minutesAgo * 60_000) },
  });
  return id;
}

describe("reading documents in the background", () => {
  it("stores a large document's 1,500 passages in batches, its progress rising to 1", async () => {
    const id = await newBase();
    const sections = Array.from(
      { length: 1500 },
      (_, i) => `# Section ${i}\n\nParagraph ${i} about lighthouse number ${i}.`,
    );
    const document = await add(id, { title: "Large", text: sections.join("\n\n") });
    const seen: number[] = [];
    const read = await untilRead(() => documentsOf(id), document.id, { seen });
    expect(read).toMatchObject({ status: "ready", progress: 1, failure: null, passages: 1500 });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await db.knowledgePassage.count({ where: { documentId: document.id } })).toBe(1500);
    expect((await search(id, "lighthouse"))[0]?.source).toBe("Large");
  });

  it("fails a page whose server never answers after 10 s, saying so, with no passages", async () => {
    const id = await newBase();
    const document = await add(id, { url: page("/silent") });
    const read = await untilRead(() => documentsOf(id), document.id, { timeoutMs: 20_000 });
    expect(read).toMatchObject({ status: "failed", passages: 0 });
    expect(read.failure).toBe(`The page at ${page("/silent")} did not arrive within 10 s.`);
  }, 30_000);

  it("leaves nothing of a document deleted while it is read", async () => {
    const id = await newBase();
    held.length = 0;
    const document = await add(id, { url: page("/held") });
    // Its page asked for: the reading is under way when the document is deleted.
    await vi.waitFor(() => expect(held).toHaveLength(1), { timeout: 10_000, interval: 50 });
    const gone = await app
      .browser()
      .call(
        "DELETE /api/admin/knowledge/:id/documents/:documentId",
        { id, documentId: document.id },
        { headers: admin },
      );
    expect(gone.status).toBe(204);
    await held[0]?.("Slow.");
    await readingsEnded();
    expect(await documentsOf(id)).toEqual([]);
    expect(await db.knowledgePassage.count({ where: { baseId: id } })).toBe(0);
  });
});

describe("an abandoned reading (its process died)", () => {
  it("reads as failed after two minutes without progress, its passages never searched", async () => {
    const id = await newBase();
    const stale = await documentRow(id, {
      status: "processing",
      progress: 0.6,
      minutesAgo: 3,
      passages: ["Half of the walrus."],
    });
    const alive = await documentRow(id, {
      status: "processing",
      progress: 0.6,
      minutesAgo: 0,
      passages: [],
    });
    const documents = await documentsOf(id);
    expect(documents.find((d) => d.id === stale)).toMatchObject({
      status: "failed",
      failure: INTERRUPTED,
      passages: 0,
    });
    expect(documents.find((d) => d.id === alive)).toMatchObject({ status: "processing" });
    // Shown so, not written so: a GET changes nothing.
    expect(await db.knowledgeDocument.findUnique({ where: { id: stale } })).toMatchObject({
      status: "processing",
      failure: null,
    });
    expect(await search(id, "walrus")).toEqual([]);
  });

  it("of a new page, is read anew on Fetch again, its leftover passages gone", async () => {
    const id = await newBase();
    notice = { status: 200, text: "<title>Notice</title><h2>Hours</h2><p>Open at dawn.</p>" };
    const stale = await documentRow(id, {
      status: "processing",
      progress: 0.6,
      minutesAgo: 3,
      passages: ["Half of it.", "More of it."],
    });
    const again = await refetch(id, stale);
    expect(again.status).toBe(202);
    expect(again.body.document).toMatchObject({ status: "processing", progress: 0, passages: 0 });
    expect(await untilRead(() => documentsOf(id), stale)).toMatchObject({
      status: "ready",
      failure: null,
      passages: 1,
    });
    expect(await search(id, "dawn")).toHaveLength(1);
  });

  it("of a page fetched again, leaves it ready with its old passages, saying so", async () => {
    const id = await newBase();
    const stale = await documentRow(id, {
      status: "ready",
      progress: 0.3,
      minutesAgo: 3,
      passages: ["The old text."],
    });
    expect((await documentsOf(id)).find((d) => d.id === stale)).toMatchObject({
      status: "ready",
      progress: 1,
      failure: REFETCH_INTERRUPTED,
      passages: 1,
    });
    expect(await search(id, "old")).toHaveLength(1);

    notice = { status: 200, text: "<title>Notice</title><h2>Hours</h2><p>Open at dusk.</p>" };
    expect((await refetch(id, stale)).status).toBe(202);
    expect(await untilRead(() => documentsOf(id), stale)).toMatchObject({
      status: "ready",
      failure: null,
      passages: 1,
    });
    expect(await search(id, "old")).toEqual([]);
    expect(await search(id, "dusk")).toHaveLength(1);
  });
});

describe("what searches see", () => {
  it("never a passage of a document that is processing or failed", async () => {
    const id = await newBase();
    for (const status of ["processing", "failed"]) {
      await documentRow(id, {
        status,
        progress: 0.5,
        minutesAgo: 0,
        passages: [`Zebras are ${status} here.`],
      });
    }
    expect(await search(id, "zebras")).toEqual([]);
    expect(await knowledgeTopics(db, [id])).toEqual([]);
    await documentRow(id, { status: "ready", progress: 1, minutesAgo: 0, passages: ["Zebras."] });
    expect(await search(id, "zebras")).toHaveLength(1);
    expect(await knowledgeTopics(db, [id])).toEqual(["Left"]);
  });

  it("a page's old passages while it is fetched again, and after a fetch that failed", async () => {
    const id = await newBase();
    notice = { status: 200, text: "<title>Notice</title><h2>Hours</h2><p>Open at nine.</p>" };
    const document = await add(id, { url: page("/notice") });
    expect(await untilRead(() => documentsOf(id), document.id)).toMatchObject({
      status: "ready",
      title: "Notice",
    });

    notice = { status: 404, text: "Gone" };
    const again = await refetch(id, document.id);
    expect(again.status).toBe(202);
    expect(again.body.document).toMatchObject({ status: "ready", progress: 0, passages: 1 });
    expect(await search(id, "nine")).toHaveLength(1);
    const failed = await untilRead(() => documentsOf(id), document.id);
    expect(failed).toMatchObject({ status: "ready", progress: 1, passages: 1 });
    expect(failed.failure).toMatch(/^The page at .*\/notice answered 404/);
    expect(await search(id, "nine")).toHaveLength(1);

    notice = { status: 200, text: "<title>Notice</title><h2>Hours</h2><p>Open at ten.</p>" };
    await refetch(id, document.id);
    expect(await untilRead(() => documentsOf(id), document.id)).toMatchObject({
      status: "ready",
      failure: null,
      passages: 1,
    });
    expect(await search(id, "nine")).toEqual([]);
    expect(await search(id, "ten")).toHaveLength(1);
  });

  it("a failed page fetched again is read anew", async () => {
    const id = await newBase();
    notice = { status: 404, text: "Gone" };
    const document = await add(id, { url: page("/notice") });
    expect((await untilRead(() => documentsOf(id), document.id)).status).toBe("failed");
    notice = { status: 200, text: "<title>Notice</title><h2>Hours</h2><p>Open at noon.</p>" };
    const again = await refetch(id, document.id);
    expect(again.body.document).toMatchObject({ status: "processing", progress: 0, failure: null });
    expect(await untilRead(() => documentsOf(id), document.id)).toMatchObject({
      status: "ready",
      title: "Notice",
      passages: 1,
    });
    expect(await search(id, "noon")).toHaveLength(1);
  });
});
