import "server-only";

// A document's heavy part, done after the response that added it (Next's `after`): its text read
// (a PDF's pages, a web page fetched), split into passages and stored in batches, its progress
// written as it goes. It ends "ready", or "failed" with the reason and none of its passages.
// Every write is guarded by the state it expects and by the reading's id, so a reading whose
// document was deleted, or that was overtaken (a newer reading started, say after it was shown
// interrupted), or that has been silent too long, stops at its next write, leaving nothing behind.
import { AppError, isAppError } from "@/lib/errors";
import type { KnowledgeDocument, Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { afterResponse } from "@/lib/http/after-response";

import {
  DOCUMENT_MAX_PASSAGES,
  type DocumentKind,
  type Passage,
  splitIntoPassages,
} from "./passages";
import { interruptedBefore } from "./document-status";
import { createDocument, type DocumentView, newReadingId, type ReadingTarget } from "./store";

/** Passages stored per transaction; progress is written after each batch. */
export const PASSAGE_BATCH = 200;
/** Progress is written at most this often while a document is read. */
const REPORT_EVERY_MS = 250;
/** A page fetched again: reading it is most of the work, replacing the passages the rest. */
const REFRESH_READ_SHARE = 0.9;

/** What reading a document gives: its text, and what is known only once read (a page's). */
export interface Reading {
  kind: DocumentKind;
  text: string;
  bytes?: number;
  title?: string | null;
}

/** Reads a document's text; `report` is told how far it has got, from 0 to 1. */
export type Reader = (report: (fraction: number) => Promise<void>) => Promise<Reading>;

type Client = PrismaClient | Prisma.TransactionClient;
type Guard = Prisma.KnowledgeDocumentWhereInput;

/** The document was deleted, or its reading overtaken or abandoned, while read: nothing to record. */
class Gone extends Error {}

/**
 * Reads and stores a new document once the response is sent. `readShare`: the part of its
 * progress that reading takes (the rest is storing its passages).
 */
export function ingestAfterResponse(
  db: PrismaClient,
  document: ReadingTarget,
  read: Reader,
  readShare: number,
): void {
  afterResponse(() => ingestDocument(db, document, read, readShare).then(() => undefined, quiet));
}

/** Fetches a ready page again once the response is sent; its old passages stay till then. */
export function refreshAfterResponse(
  db: PrismaClient,
  document: ReadingTarget,
  read: Reader,
): void {
  afterResponse(() => refreshDocument(db, document, read).then(() => undefined, quiet));
}

/** Adds a text document and stores its passages before returning (the bench, tests). */
export async function addDocument(
  db: PrismaClient,
  baseId: string,
  input: { title: string; kind: DocumentKind; text: string; bytes: number; sourceUrl?: string },
): Promise<DocumentView> {
  const { document, reading } = await createDocument(db, baseId, input);
  const text = { kind: input.kind, text: input.text };
  const passages = await ingestDocument(db, reading, async () => text, 0);
  return { ...document, status: "ready", progress: 1, passages };
}

/** Reads a "processing" document and stores its passages; on failure, records why and throws. */
export async function ingestDocument(
  db: PrismaClient,
  target: ReadingTarget,
  read: Reader,
  readShare: number,
): Promise<number> {
  const guard = guardOf(target, { status: "processing" });
  try {
    const reading = await read(reporter(db, guard, readShare));
    const passages = passagesOf(reading.text, reading.kind);
    await update(db, guard, { ...learned(reading), progress: readShare });
    for (let from = 0; from < passages.length; from += PASSAGE_BATCH) {
      const batch = passages.slice(from, from + PASSAGE_BATCH);
      const stored = (from + batch.length) / passages.length;
      await db.$transaction(async (tx) => {
        await update(tx, guard, { progress: readShare + (1 - readShare) * stored });
        await tx.knowledgePassage.createMany({ data: rows(target, batch, from) });
      });
    }
    await update(db, guard, { status: "ready", progress: 1 });
    return passages.length;
  } catch (error) {
    if (!(error instanceof Gone)) {
      const failure = failureOf(error);
      await db.$transaction(async (tx) => {
        const { count } = await tx.knowledgeDocument.updateMany({
          where: guard(),
          data: { status: "failed", failure },
        });
        if (count > 0) await tx.knowledgePassage.deleteMany({ where: { documentId: target.id } });
      });
    }
    throw error;
  }
}

/**
 * Reads a ready document again (its `progress` set below 1 by the caller) and replaces its
 * passages in one transaction; on failure its old passages stay, with why the new read failed.
 */
export async function refreshDocument(
  db: PrismaClient,
  target: ReadingTarget,
  read: Reader,
): Promise<number> {
  const guard = guardOf(target, { status: "ready", progress: { lt: 1 } });
  try {
    const reading = await read(reporter(db, guard, REFRESH_READ_SHARE));
    const passages = passagesOf(reading.text, reading.kind);
    await db.$transaction(async (tx) => {
      await update(tx, guard, { ...learned(reading), progress: 1, failure: null });
      await tx.knowledgePassage.deleteMany({ where: { documentId: target.id } });
      await tx.knowledgePassage.createMany({ data: rows(target, passages, 0) });
    });
    return passages.length;
  } catch (error) {
    if (!(error instanceof Gone)) {
      await db.knowledgeDocument.updateMany({
        where: guard(),
        data: { progress: 1, failure: failureOf(error) },
      });
    }
    throw error;
  }
}

/**
 * Starts a new reading of a document no reading is under way for (ready, failed, or abandoned
 * by a process that died), which overtakes any earlier one; null if another has started since
 * `document` was read. `anew`: read it as a new document, "processing", the passages it has
 * (an abandoned reading's leftovers) deleted; else a ready page fetched again (refreshDocument),
 * its passages searched until the new ones replace them.
 */
export async function startReadingAgain(
  db: PrismaClient,
  document: KnowledgeDocument,
  anew: boolean,
): Promise<ReadingTarget | null> {
  const readingId = newReadingId();
  const abandoned = { updatedAt: { lt: interruptedBefore() } };
  const started = await db.$transaction(async (tx) => {
    const { count } = await tx.knowledgeDocument.updateMany({
      where: {
        id: document.id,
        readingId: document.readingId,
        ...(anew
          ? { OR: [{ status: "failed" }, { status: "processing", ...abandoned }] }
          : { status: "ready", OR: [{ progress: 1 }, abandoned] }),
      },
      data: {
        ...(anew ? { status: "processing" } : {}),
        progress: 0,
        failure: null,
        readingId,
      },
    });
    if (count > 0 && anew) {
      await tx.knowledgePassage.deleteMany({ where: { documentId: document.id } });
    }
    return count > 0;
  });
  return started ? { id: document.id, baseId: document.baseId, readingId } : null;
}

/** A failure as an operator reads it beside the document: the reason, not a request's wording. */
export function failureOf(error: unknown): string {
  if (isAppError(error) && error.code !== "INTERNAL") {
    const reason = error.message.replace(/^Invalid request: (?:\w+: )?/, "");
    return reason.charAt(0).toUpperCase() + reason.slice(1);
  }
  console.error("Reading a knowledge document failed", error);
  return "Something went wrong on our side while reading it; try again.";
}

function quiet(error: unknown) {
  // Recorded on the document already; only a failure to record it is worth a log line.
  if (error instanceof Gone || isAppError(error)) return;
  console.error("A knowledge document's reading stopped", error);
}

/** A document's text as passages; failing for none, and for too many. */
function passagesOf(text: string, kind: DocumentKind): Passage[] {
  const passages = splitIntoPassages(text, kind);
  if (passages.length === 0) {
    throw new AppError("BAD_REQUEST", "The document has no text to search.");
  }
  if (passages.length > DOCUMENT_MAX_PASSAGES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The document is too long: ${passages.length} passages, at most ${DOCUMENT_MAX_PASSAGES}.`,
    );
  }
  return passages;
}

function learned(reading: Reading) {
  return {
    kind: reading.kind,
    ...(reading.bytes === undefined ? {} : { bytes: reading.bytes }),
    ...(reading.title ? { title: reading.title } : {}),
  };
}

function rows(target: ReadingTarget, passages: Passage[], from: number) {
  return passages.map((passage, i) => ({
    documentId: target.id,
    baseId: target.baseId,
    seq: from + i,
    ...passage,
  }));
}

/**
 * Where a reading may still write, as of now: its document in `state`, still this reading, and
 * not silent past the limit (shown interrupted by then, and it stays so).
 */
function guardOf(target: ReadingTarget, state: Guard): () => Guard {
  return () => ({
    ...state,
    id: target.id,
    readingId: target.readingId,
    updatedAt: { gte: interruptedBefore() },
  });
}

/** Writes `data` where `guard` still holds; Gone if it no longer does. */
async function update(
  client: Client,
  guard: () => Guard,
  data: Prisma.KnowledgeDocumentUpdateManyMutationInput,
) {
  const { count } = await client.knowledgeDocument.updateMany({ where: guard(), data });
  if (count === 0) throw new Gone();
}

/** How far reading has got, as the document's progress (`share` of it), now and then. */
function reporter(db: PrismaClient, guard: () => Guard, share: number) {
  let last = Date.now();
  return async (fraction: number) => {
    if (Date.now() - last < REPORT_EVERY_MS) return;
    last = Date.now();
    await update(db, guard, { progress: Math.min(1, fraction) * share });
  };
}
