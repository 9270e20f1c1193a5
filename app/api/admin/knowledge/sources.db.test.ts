// Documents from files and from the web, through the admin API: Markdown, text and PDF uploads,
// pages the server fetches from a real server on 127.0.0.1 (allowed as "localhost" only), all read
// after the response; what is refused at once (junk, oversized uploads, private addresses) and
// what fails once read, saying why (scans, pages that are missing, endless, or private behind a
// redirect).
import type { ServerResponse } from "node:http";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DocumentView } from "@/lib/knowledge/store";
import { loadApp } from "@/test/app";
import { untilRead } from "@/test/knowledge";
import { endlessPage, startPageServer } from "@/test/page-server";
import { makePdf } from "@/test/pdf";

const ADMIN_TOKEN = "admin-token-for-tests-0123456789";
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
let app: Awaited<ReturnType<typeof loadApp>>;
let server: Awaited<ReturnType<typeof startPageServer>>;
let endlessWritten: Promise<number> | null = null;
let changingVersion = 1;

const HANDBOOK_HTML = `<!doctype html>
<html><head><title>Staff handbook</title><style>p { color: red }</style></head>
<body>
  <nav><a href="/">Home</a> <a href="/jobs">Jobs</a></nav>
  <main><article>
    <h1>Staff handbook</h1>
    <h2>Returns</h2>
    <p>Customers may return running shoes within 30 days of delivery, unworn, for a full refund.
       Refunds reach the customer's card within five working days of the shoes arriving back.</p>
    <h2>Shipping</h2>
    <p>We ship to 40 countries. Orders leave the warehouse within two working days, and every
       parcel is tracked from the warehouse to the customer's door.</p>
    <ul><li>Standard delivery takes three to five days.</li><li>Express delivery takes one day.</li></ul>
  </article></main>
  <footer>Copyright Example Shoes</footer>
  <script>var secret = "not text";</script>
</body></html>`;

type Failure = { error: { code: string; message: string } };
type Found = { text: string; heading: string | null; source: string };

beforeAll(async () => {
  server = await startPageServer({
    "/handbook": (_req, res) => html(res, HANDBOOK_HTML),
    "/notes.txt": (_req, res) =>
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end("Penguins swim."),
    "/policy.pdf": (_req, res) =>
      res
        .writeHead(200, { "content-type": "application/pdf" })
        .end(makePdf(["Warranty", "Every pair of boots has a two year warranty."])),
    "/logo.png": (_req, res) => res.writeHead(200, { "content-type": "image/png" }).end("PNG"),
    "/moved": (_req, res) => res.writeHead(301, { location: "/handbook" }).end(),
    "/to-private": (_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.2:${server.port}/handbook` }).end(),
    "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
    "/endless": (_req, res) => {
      endlessWritten = endlessPage(res, {
        contentType: "text/html",
        chunk: `<p>${"More and more words. ".repeat(3000)}</p>`,
      });
    },
    "/changing": (_req, res) =>
      html(
        res,
        changingVersion === 1
          ? "<title>News</title><h2>Opening hours</h2><p>The shop opens at nine o'clock.</p>"
          : "<title>News</title><h2>Opening hours</h2><p>The shop now opens at ten, closing at midnight.</p>",
      ),
  });
  app = await loadApp({
    NODE_ENV: "test",
    AVATAR_PROVIDER: "local",
    ADMIN_TOKEN,
    KNOWLEDGE_ALLOWED_HOSTS: "localhost",
  });
}, 30_000);
afterAll(() => server.close());

function html(res: ServerResponse, body: string) {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
}

const page = (path: string, host = "localhost") => `http://${host}:${server.port}${path}`;

async function newBase() {
  const res = await app
    .browser()
    .call<{ base: { id: string } }>(
      "POST /api/admin/knowledge",
      {},
      { json: { name: "Sources" }, headers: admin },
    );
  expect(res.status).toBe(201);
  return res.body.base.id;
}

function upload(id: string, file: Blob, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.set("file", file, name);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return app
    .browser()
    .call<{ document: DocumentView } & Failure>(
      "POST /api/admin/knowledge/:id/documents",
      { id },
      { body: form, headers: admin },
    );
}

function addUrl(id: string, url: string) {
  return app
    .browser()
    .call<{ document: DocumentView } & Failure>(
      "POST /api/admin/knowledge/:id/documents",
      { id },
      { json: { url }, headers: admin },
    );
}

async function search(id: string, q: string) {
  const res = await app
    .browser()
    .call<{ passages: Found[] }>(
      "GET /api/admin/knowledge/:id/search",
      { id },
      { query: { q }, headers: admin },
    );
  expect(res.status).toBe(200);
  return res.body.passages;
}

async function documentsOf(id: string) {
  const res = await app
    .browser()
    .call<{ documents: DocumentView[] }>(
      "GET /api/admin/knowledge/:id/documents",
      { id },
      { headers: admin },
    );
  return res.body.documents;
}

/** A document added (202, "processing"), as it ends once read. */
async function read(id: string, added: { status: number; body: { document: DocumentView } }) {
  expect(added.status).toBe(202);
  expect(added.body.document).toMatchObject({ status: "processing", progress: 0 });
  return untilRead(() => documentsOf(id), added.body.document.id);
}

async function passagesOf(documentId: string) {
  return (await app.db()).knowledgePassage.count({ where: { documentId } });
}

describe("uploading files", () => {
  it("reads Markdown and plain-text files as the JSON route reads their text", async () => {
    const id = await newBase();
    const markdown = "# Returns\n\nShoes come back within 30 days.\n\n# Shipping\n\nWe ship far.";
    const md = await read(id, await upload(id, new Blob([markdown]), "handbook.md"));
    expect(md).toMatchObject({
      status: "ready",
      title: "handbook.md",
      kind: "markdown",
      passages: 2,
      bytes: markdown.length,
      sourceUrl: null,
    });
    const txt = await upload(id, new Blob(["# Not a heading\n\nPenguins."]), "notes.txt", {
      title: "Notes",
    });
    // Plain text: a "#" line is text, not a section.
    expect(await read(id, txt)).toMatchObject({ title: "Notes", kind: "text", passages: 1 });
    expect((await search(id, "shoes"))[0]).toMatchObject({
      heading: "Returns",
      source: "handbook.md",
    });
  });

  it("reads a PDF's text layer in the background, searchable once ready", async () => {
    const id = await newBase();
    const pdf = makePdf(["Returns policy", "Customers may return running shoes within 30 days."]);
    const res = await upload(id, new Blob([pdf], { type: "application/pdf" }), "policy.pdf");
    expect(res.body.document).toMatchObject({ kind: "pdf", bytes: pdf.byteLength, passages: 0 });
    expect(await read(id, res)).toMatchObject({ status: "ready", progress: 1, passages: 1 });
    expect((await search(id, "return shoes"))[0]).toMatchObject({
      source: "policy.pdf",
      text: expect.stringContaining("within 30 days"),
    });
  });

  it("refuses binary junk and a file of no name at once, keeping nothing", async () => {
    const id = await newBase();
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    for (const [file, name, message] of [
      [junk, "report.pdf", /not a readable PDF/],
      [junk, "notes.md", /not text \(a binary file\?\)/],
      [new TextEncoder().encode("Text."), "\u0000", /title: required/],
    ] as const) {
      const res = await upload(id, new Blob([file]), name);
      expect(res.status, name).toBe(400);
      expect(res.body.error.message, name).toMatch(message);
    }
    const noFile = await app
      .browser()
      .call<Failure>(
        "POST /api/admin/knowledge/:id/documents",
        { id },
        { body: new FormData(), headers: admin },
      );
    expect(noFile.body.error.message).toMatch(/file: required/);
    expect(await documentsOf(id)).toEqual([]);
  });

  it("fails a PDF with no text, or one PDF.js cannot read, once read: it says why, with no passages", async () => {
    const id = await newBase();
    for (const [file, name, failure] of [
      [makePdf([]), "scan.pdf", /^This PDF has no text layer \(a scan\?\)/],
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0, 1, 2]), "short.pdf", /not a readable PDF/],
    ] as const) {
      const failed = await read(id, await upload(id, new Blob([file]), name));
      expect(failed, name).toMatchObject({ status: "failed", title: name, passages: 0 });
      expect(failed.failure, name).toMatch(failure);
      expect(await passagesOf(failed.id)).toBe(0);
    }
  });

  it("refuses a 50 MB upload with a 413 after reading at most its first 10 MiB", async () => {
    const id = await newBase();
    const chunk = new Uint8Array(1024 * 1024).fill(0x61);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 50 * chunk.byteLength) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await app.browser().call<Failure>(
      "POST /api/admin/knowledge/:id/documents",
      { id },
      {
        body,
        headers: { ...admin, "content-type": "multipart/form-data; boundary=b" },
      },
    );
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled).toBeLessThan(15 * chunk.byteLength);
  });
});

describe("adding web pages by URL", () => {
  it("reads a page's main text with its headings as sections, and finds it by search", async () => {
    const id = await newBase();
    const res = await addUrl(id, page("/moved"));
    // Its URL stands for its title until the page is read.
    expect(res.body.document).toMatchObject({ title: page("/moved"), bytes: 0 });
    expect(await read(id, res)).toMatchObject({
      status: "ready",
      title: "Staff handbook",
      kind: "web",
      sourceUrl: page("/moved"),
      passages: 2,
    });
    const db = await app.db();
    const passages = await db.knowledgePassage.findMany({
      where: { documentId: res.body.document.id },
      orderBy: { seq: "asc" },
    });
    expect(passages.map((p) => p.heading)).toEqual(["Returns", "Shipping"]);
    expect(passages[1]!.text).toContain("- Express delivery takes one day.");
    const all = passages.map((p) => p.text).join("\n");
    for (const boilerplate of ["Jobs", "Copyright", "secret", "color"]) {
      expect(all).not.toContain(boilerplate);
    }
    expect((await search(id, "express delivery"))[0]).toMatchObject({
      heading: "Shipping",
      source: "Staff handbook",
    });
  });

  it("reads plain text and PDFs from the web as such", async () => {
    const id = await newBase();
    const text = await read(id, await addUrl(id, page("/notes.txt")));
    expect(text).toMatchObject({ status: "ready", kind: "web", title: page("/notes.txt") });
    const pdf = await read(id, await addUrl(id, page("/policy.pdf")));
    expect(pdf).toMatchObject({ status: "ready", passages: 1 });
    expect((await search(id, "warranty boots"))[0]?.text).toContain("two year warranty");
  });

  it("refuses private addresses and other schemes at once, keeping nothing", async () => {
    const id = await newBase();
    for (const [url, message] of [
      [page("/handbook", "127.0.0.1"), /127\.0\.0\.1 is a private/],
      [page("/handbook", "[::1]"), /::1 is a private/],
      [page("/handbook", "169.254.169.254"), /169\.254\.169\.254 is a private/],
      [page("/handbook", "[::ffff:127.0.0.1]"), /is a private/],
      ["file:///etc/passwd", /url: must be an http:\/\/ or https:\/\/ URL/],
    ] as const) {
      const res = await addUrl(id, url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.message, url).toMatch(message);
    }
    expect(await documentsOf(id)).toEqual([]);
  });

  it("fails a page found private behind a redirect, redirected forever, of another type or missing", async () => {
    const id = await newBase();
    for (const [url, failure] of [
      [page("/to-private"), /^127\.0\.0\.2 is a private, loopback or otherwise local address/],
      [page("/loop"), /^More than 5 redirects/],
      [page("/logo.png"), /^The page is image\/png/],
      [page("/missing"), /^The page at .*\/missing answered 404/],
    ] as const) {
      const failed = await read(id, await addUrl(id, url));
      expect(failed, url).toMatchObject({ status: "failed", passages: 0, sourceUrl: url });
      expect(failed.failure, url).toMatch(failure);
    }
  });

  it("stops reading a page that never ends at 5 MiB, fails it saying so, and hangs up", async () => {
    const id = await newBase();
    const failed = await read(id, await addUrl(id, page("/endless")));
    expect(failed.status).toBe("failed");
    expect(failed.failure).toMatch(/larger than 5 MiB; stopped reading it/);
    const written = await endlessWritten!;
    // Whatever the sockets held when the app hung up, not a page that went on.
    expect(written).toBeLessThan(20 * 1024 * 1024);
  });

  it("fetches a web document again, replacing its passages; an upload cannot be", async () => {
    const id = await newBase();
    changingVersion = 1;
    const added = await addUrl(id, page("/changing"));
    expect(added.body.error?.message).toBeUndefined();
    await read(id, added);
    expect(await search(id, "nine")).toHaveLength(1);
    changingVersion = 2;
    const again = await app
      .browser()
      .call<{ document: DocumentView }>(
        "POST /api/admin/knowledge/:id/documents/:documentId/refetch",
        { id, documentId: added.body.document.id },
        { headers: admin },
      );
    expect(again.status).toBe(202);
    // Still ready (its old passages searched) while the page is fetched again.
    expect(again.body.document).toMatchObject({
      id: added.body.document.id,
      status: "ready",
      progress: 0,
      passages: 1,
    });
    expect(await untilRead(() => documentsOf(id), added.body.document.id)).toMatchObject({
      status: "ready",
      progress: 1,
      failure: null,
      passages: 1,
    });
    expect(await search(id, "nine")).toEqual([]);
    expect((await search(id, "midnight"))[0]?.heading).toBe("Opening hours");

    const uploaded = await upload(id, new Blob(["Plain."]), "plain.txt");
    await read(id, uploaded);
    const refused = await app
      .browser()
      .call<Failure>(
        "POST /api/admin/knowledge/:id/documents/:documentId/refetch",
        { id, documentId: uploaded.body.document.id },
        { headers: admin },
      );
    expect(refused.status).toBe(409);
    const unknown = await app
      .browser()
      .call(
        "POST /api/admin/knowledge/:id/documents/:documentId/refetch",
        { id, documentId: "doc_0000000000000000" },
        { headers: admin },
      );
    expect(unknown.status).toBe(404);
  });
});
