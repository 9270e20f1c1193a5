// Knowledge bases through the admin API, on PGlite and on PostgreSQL: documents split into
// passages (after the response) and found by PostgreSQL's full-text search, ranked; bad
// documents refused whole.
import { beforeAll, describe, expect, it } from "vitest";

import type { DocumentView } from "@/lib/knowledge/store";
import { loadApp } from "@/test/app";
import { untilRead } from "@/test/knowledge";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let app: Awaited<ReturnType<typeof loadApp>>;

const HANDBOOK = `# Returns

Customers may return running shoes within 30 days of delivery, unworn, for a full refund.

# Shipping

We ship to 40 countries. Orders leave the warehouse within two working days.

# Careers

The Analyst role at XYZ Consult works with the sales data every week.
`;

type Base = { id: string; name: string; isPublic: boolean; documents: number };
type Found = { text: string; heading: string | null; source: string; rank: number };

beforeAll(async () => {
  app = await loadApp({ NODE_ENV: "test", AVATAR_PROVIDER: "local", ADMIN_TOKEN });
}, 30_000);

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

/** Adds text to a base and waits until it is read. */
async function addText(id: string, json: unknown) {
  const added = await app
    .browser()
    .call<{ document: DocumentView }>(
      "POST /api/admin/knowledge/:id/documents",
      { id },
      { json, headers: admin },
    );
  expect(added.status).toBe(202);
  return untilRead(() => documentsOf(id), added.body.document.id);
}

async function newBase(name = "Handbook") {
  const res = await app
    .browser()
    .call<{ base: Base }>("POST /api/admin/knowledge", {}, { json: { name }, headers: admin });
  expect(res.status).toBe(201);
  return res.body.base;
}

describe("knowledge bases (admin API)", () => {
  it("is for operators only", async () => {
    const res = await app.browser().call("GET /api/admin/knowledge");
    expect(res.status).toBe(401);
  });

  it("creates a base, adds a Markdown document as passages, and finds the passage a question is about", async () => {
    const base = await newBase();
    expect(base).toMatchObject({ name: "Handbook", isPublic: false, documents: 0 });
    const added = await app
      .browser()
      .call<{ document: DocumentView }>(
        "POST /api/admin/knowledge/:id/documents",
        { id: base.id },
        { json: { title: "Staff handbook", text: HANDBOOK }, headers: admin },
      );
    expect(added.status).toBe(202);
    expect(added.body.document).toMatchObject({
      status: "processing",
      progress: 0,
      passages: 0,
      bytes: HANDBOOK.length,
    });
    expect(await untilRead(() => documentsOf(base.id), added.body.document.id)).toMatchObject({
      status: "ready",
      progress: 1,
      failure: null,
      passages: 3,
    });

    const found = await app
      .browser()
      .call<{ passages: Found[] }>(
        "GET /api/admin/knowledge/:id/search",
        { id: base.id },
        { query: { q: "can I return my shoes?" }, headers: admin },
      );
    expect(found.status).toBe(200);
    expect(found.body.passages[0]).toMatchObject({
      heading: "Returns",
      source: "Staff handbook",
      text: expect.stringContaining("within 30 days"),
    });
    // Only the passage about it: "shipping" and "ship" are one word to the search.
    const shipping = await app
      .browser()
      .call<{ passages: Found[] }>(
        "GET /api/admin/knowledge/:id/search",
        { id: base.id },
        { query: { q: "shipping" }, headers: admin },
      );
    expect(shipping.body.passages.map((p) => p.heading)).toEqual(["Shipping"]);

    const bases = await app
      .browser()
      .call<{ bases: Base[] }>("GET /api/admin/knowledge", {}, { headers: admin });
    expect(bases.body.bases.find((b) => b.id === base.id)?.documents).toBe(1);
  });

  it("searches one base only, and finds nothing for words no passage has", async () => {
    const one = await newBase("One");
    const other = await newBase("Other");
    await addText(other.id, { title: "Other", kind: "text", text: "Penguins live in Antarctica." });
    for (const q of ["penguins", "the and of", "!!! ::: &&&"]) {
      const res = await app
        .browser()
        .call<{ passages: Found[] }>(
          "GET /api/admin/knowledge/:id/search",
          { id: one.id },
          { query: { q }, headers: admin },
        );
      expect(res.body.passages).toEqual([]);
    }
  });

  it("refuses a binary file, an empty document and a body over 2 MiB, keeping nothing", async () => {
    const base = await newBase();
    const refuse = async (json: unknown, status: number, message: RegExp) => {
      const res = await app
        .browser()
        .call<{ error: { message: string } }>(
          "POST /api/admin/knowledge/:id/documents",
          { id: base.id },
          { json, headers: admin },
        );
      expect(res.status).toBe(status);
      expect(res.body.error.message).toMatch(message);
    };
    await refuse({ title: "junk.md", text: "PK\u0003\u0004\u0000\u0000\u0014" }, 400, /not text/);
    await refuse({ title: "blank.md", text: "\n\n  \n" }, 400, /no text to search/);
    await refuse({ title: "huge.md", text: "word ".repeat(600_000) }, 413, /./);
    await refuse({ title: "", text: "x" }, 400, /title/);
    await refuse({ title: "a\u0000b", text: "x" }, 400, /title: must be one line of text/);
    expect(await documentsOf(base.id)).toEqual([]);
  });

  it("offers a base to visitors, renames it, and refuses an empty or unknown change", async () => {
    const base = await newBase("Draft");
    const patch = (id: string, json: unknown) =>
      app
        .browser()
        .call<{ base: Base; error: { message: string } }>(
          "PATCH /api/admin/knowledge/:id",
          { id },
          { json, headers: admin },
        );
    const offered = await patch(base.id, { isPublic: true });
    expect(offered.status).toBe(200);
    expect(offered.body.base).toMatchObject({ id: base.id, name: "Draft", isPublic: true });
    const renamed = await patch(base.id, { name: "Handbook 2027" });
    expect(renamed.body.base).toMatchObject({ name: "Handbook 2027", isPublic: true });

    const refused = await patch(base.id, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/name or isPublic/);
    expect((await patch(base.id, { isPublic: "yes" })).status).toBe(400);
    expect((await patch(base.id, { isPublic: false, extra: 1 })).status).toBe(400);
    expect((await patch("kb_0000000000000000", { isPublic: false })).status).toBe(404);
    const unsigned = await app
      .browser()
      .call("PATCH /api/admin/knowledge/:id", { id: base.id }, { json: { isPublic: false } });
    expect(unsigned.status).toBe(401);
    const db = await app.db();
    expect(await db.knowledgeBase.findUnique({ where: { id: base.id } })).toMatchObject({
      name: "Handbook 2027",
      isPublic: true,
    });
  });

  it("deletes a document with its passages, then the base; an unknown id is a 404", async () => {
    const base = await newBase();
    const added = await addText(base.id, { title: "Handbook", text: HANDBOOK });
    expect(added.passages).toBe(3);
    const gone = await app
      .browser()
      .call(
        "DELETE /api/admin/knowledge/:id/documents/:documentId",
        { id: base.id, documentId: added.id },
        { headers: admin },
      );
    expect(gone.status).toBe(204);
    const db = await app.db();
    expect(await db.knowledgePassage.count({ where: { baseId: base.id } })).toBe(0);
    for (const call of [
      () =>
        app
          .browser()
          .call(
            "DELETE /api/admin/knowledge/:id/documents/:documentId",
            { id: base.id, documentId: added.id },
            { headers: admin },
          ),
      () =>
        app.browser().call(
          "GET /api/admin/knowledge/:id/search",
          { id: "kb_nope" },
          {
            query: { q: "x" },
            headers: admin,
          },
        ),
    ]) {
      expect((await call()).status).toBe(404);
    }
    const deleted = await app
      .browser()
      .call("DELETE /api/admin/knowledge/:id", { id: base.id }, { headers: admin });
    expect(deleted.status).toBe(204);
    expect(await db.knowledgeDocument.count({ where: { baseId: base.id } })).toBe(0);
  });
});
