// A reading's writes are its own (on PGlite and PostgreSQL): one overtaken by a newer reading of
// the same document, or silent past the limit, writes nothing more, whatever it then reads.
import { beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadApp } from "@/test/app";

import { ingestDocument, type Reader, startReadingAgain } from "./ingest";
import { createBase, createDocument, type ReadingTarget } from "./store";

let db: PrismaClient;
beforeAll(async () => {
  db = await (await loadApp({})).db();
});

/** A reader whose text arrives (or whose reading fails) when the test says. */
function heldReader() {
  let answer!: (text: string | Error) => void;
  const text = new Promise<string | Error>((resolve) => (answer = resolve));
  const read: Reader = async () => {
    const got = await text;
    if (got instanceof Error) throw got;
    return { kind: "markdown", text: got };
  };
  return { read, answer };
}

/** A new document with reading A under way, then shown interrupted (silent for 3 minutes). */
async function abandonedReading() {
  const base = await createBase(db, { name: "Readings", isPublic: false });
  const { document, reading } = await createDocument(db, base.id, {
    title: "Notes",
    kind: "markdown",
    bytes: 10,
  });
  const a = heldReader();
  const readingA = ingestDocument(db, reading, a.read, 0);
  await db.knowledgeDocument.update({
    where: { id: document.id },
    data: { updatedAt: new Date(Date.now() - 3 * 60_000) },
  });
  return { id: document.id, a, readingA };
}

/** Reading B of the same document, as Fetch again starts it. */
async function readAgain(id: string): Promise<ReadingTarget> {
  const row = await db.knowledgeDocument.findUniqueOrThrow({ where: { id } });
  const reading = await startReadingAgain(db, row, true);
  if (!reading) throw new Error("Reading B did not start");
  expect(reading.readingId).not.toBe(row.readingId);
  return reading;
}

async function stored(id: string) {
  const row = await db.knowledgeDocument.findUniqueOrThrow({
    where: { id },
    include: { passages: { orderBy: { seq: "asc" } } },
  });
  return {
    status: row.status,
    progress: row.progress,
    failure: row.failure,
    passages: row.passages.map((passage) => passage.text),
  };
}

describe("a reading overtaken by a newer one", () => {
  it("stores nothing of what it read; the newer reading's passages are the document's", async () => {
    const { id, a, readingA } = await abandonedReading();
    const b = heldReader();
    const readingB = ingestDocument(db, await readAgain(id), b.read, 0);

    a.answer("# Alpha\n\nThe text as reading A found it.");
    await expect(readingA).rejects.toThrow();
    expect(await stored(id)).toEqual({
      status: "processing",
      progress: 0,
      failure: null,
      passages: [],
    });

    b.answer("# Beta\n\nThe text as reading B found it.");
    await expect(readingB).resolves.toBe(1);
    expect(await stored(id)).toEqual({
      status: "ready",
      progress: 1,
      failure: null,
      passages: ["The text as reading B found it."],
    });
  });

  it("records no failure of its own on the document", async () => {
    const { id, a, readingA } = await abandonedReading();
    const b = heldReader();
    const readingB = ingestDocument(db, await readAgain(id), b.read, 0);

    a.answer(new Error("Reading A broke."));
    await expect(readingA).rejects.toThrow("Reading A broke.");
    expect(await stored(id)).toMatchObject({ status: "processing", failure: null });

    b.answer("# Beta\n\nThe text as reading B found it.");
    await expect(readingB).resolves.toBe(1);
    expect(await stored(id)).toMatchObject({ status: "ready", failure: null });
  });
});

describe("a reading silent past the limit", () => {
  it("writes nothing when it wakes: the document stays as it was left", async () => {
    const { id, a, readingA } = await abandonedReading();
    a.answer("# Alpha\n\nThe text as reading A found it.");
    await expect(readingA).rejects.toThrow();
    expect(await stored(id)).toEqual({
      status: "processing",
      progress: 0,
      failure: null,
      passages: [],
    });
  });
});
