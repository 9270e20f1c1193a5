import "server-only";

// Knowledge bases in the ledger's database: bases, their documents (kept as passages), and the
// ranked full-text search over them (the same SQL on PGlite and PostgreSQL).
import { randomBytes } from "node:crypto";

import { AppError } from "@/lib/errors";
import type { SqlRead } from "@/lib/db/handle";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { DOCUMENT_MAX_PASSAGES, type DocumentKind, splitIntoPassages } from "./passages";

/** The most bases, and documents in a base, an operator may keep. */
export const MAX_BASES = 100;
export const MAX_DOCUMENTS_PER_BASE = 1000;

export interface BaseView {
  id: string;
  name: string;
  isPublic: boolean;
  documents: number;
  createdAt: string;
}

export interface DocumentView {
  id: string;
  title: string;
  kind: string;
  bytes: number;
  /** Where a web document was fetched from; null for an upload. */
  sourceUrl: string | null;
  passages: number;
  createdAt: string;
}

/** A passage a search found, with where it comes from. */
export interface Found {
  text: string;
  heading: string | null;
  /** The document's title. */
  source: string;
  documentId: string;
  rank: number;
}

const newId = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;
/** Ids as this module makes them; any other text (a NUL, a megabyte) is no base or document. */
const BASE_ID = /^kb_[0-9a-f]{16}$/;
const DOCUMENT_ID = /^doc_[0-9a-f]{16}$/;

export async function createBase(db: PrismaClient, input: { name: string; isPublic: boolean }) {
  if ((await db.knowledgeBase.count()) >= MAX_BASES) {
    throw new AppError(
      "CONFLICT",
      `There are already ${MAX_BASES} knowledge bases; delete one first.`,
    );
  }
  const base = await db.knowledgeBase.create({ data: { id: newId("kb"), ...input } });
  return { ...base, createdAt: base.createdAt.toISOString(), documents: 0 } satisfies BaseView;
}

/** Every base, or the one with `id`. */
export async function listBases(db: PrismaClient, id?: string): Promise<BaseView[]> {
  const bases = await db.knowledgeBase.findMany({
    where: id === undefined ? {} : { id },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { documents: true } } },
  });
  return bases.map(({ _count, ...base }) => ({
    ...base,
    createdAt: base.createdAt.toISOString(),
    documents: _count.documents,
  }));
}

/** Renames a base or changes whether visitors are offered it; the base as it now is. */
export async function updateBase(
  db: PrismaClient,
  id: string,
  changes: { name?: string; isPublic?: boolean },
): Promise<BaseView> {
  if (!BASE_ID.test(id)) throw notFound("knowledge base");
  // updateMany: a base deleted a moment ago is a 404 here, not an error from the database.
  const { count } = await db.knowledgeBase.updateMany({ where: { id }, data: changes });
  const base = count === 0 ? null : (await listBases(db, id))[0];
  if (!base) throw notFound("knowledge base");
  return base;
}

/** The bases visitors may choose on the landing page, oldest first: id and name only. */
export async function listPublicBases(
  db: PrismaClient,
): Promise<Array<{ id: string; name: string }>> {
  return db.knowledgeBase.findMany({
    where: { isPublic: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
}

export async function deleteBase(db: PrismaClient, id: string) {
  if (!BASE_ID.test(id)) throw notFound("knowledge base");
  const { count } = await db.knowledgeBase.deleteMany({ where: { id } });
  if (count === 0) throw notFound("knowledge base");
}

export async function listDocuments(db: PrismaClient, baseId: string): Promise<DocumentView[]> {
  await requireBase(db, baseId);
  const documents = await db.knowledgeDocument.findMany({
    where: { baseId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      title: true,
      kind: true,
      bytes: true,
      sourceUrl: true,
      createdAt: true,
      _count: { select: { passages: true } },
    },
  });
  return documents.map(({ _count, ...document }) => ({
    ...document,
    createdAt: document.createdAt.toISOString(),
    passages: _count.passages,
  }));
}

/** Adds a document, split into passages, in one transaction: all of it or none. */
export async function addDocument(
  db: PrismaClient,
  baseId: string,
  input: { title: string; kind: DocumentKind; text: string; bytes: number; sourceUrl?: string },
): Promise<DocumentView> {
  await requireBase(db, baseId);
  const passages = passagesOf(input.text, input.kind);
  const id = newId("doc");
  const document = await db.$transaction(async (tx) => {
    if ((await tx.knowledgeDocument.count({ where: { baseId } })) >= MAX_DOCUMENTS_PER_BASE) {
      throw new AppError(
        "CONFLICT",
        `The base already holds ${MAX_DOCUMENTS_PER_BASE} documents; delete one first.`,
      );
    }
    const made = await tx.knowledgeDocument.create({
      data: {
        id,
        baseId,
        title: input.title,
        kind: input.kind,
        bytes: input.bytes,
        sourceUrl: input.sourceUrl ?? null,
      },
    });
    await tx.knowledgePassage.createMany({
      data: passages.map((passage, seq) => ({ documentId: id, baseId, seq, ...passage })),
    });
    return made;
  });
  return {
    id,
    title: document.title,
    kind: document.kind,
    bytes: document.bytes,
    sourceUrl: document.sourceUrl,
    passages: passages.length,
    createdAt: document.createdAt.toISOString(),
  };
}

/** A document's text as passages; 400 for none, 413 for too many. */
function passagesOf(text: string, kind: DocumentKind) {
  const passages = splitIntoPassages(text, kind);
  if (passages.length === 0) {
    throw new AppError("BAD_REQUEST", "Invalid request: text: the document has no text to search.");
  }
  if (passages.length > DOCUMENT_MAX_PASSAGES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The document is too long: ${passages.length} passages, at most ${DOCUMENT_MAX_PASSAGES}.`,
    );
  }
  return passages;
}

/** A document as stored, or NOT_FOUND. */
export async function getDocument(db: PrismaClient, baseId: string, id: string) {
  const document =
    BASE_ID.test(baseId) && DOCUMENT_ID.test(id)
      ? await db.knowledgeDocument.findFirst({ where: { id, baseId } })
      : null;
  if (!document) throw notFound("document");
  return document;
}

/** Replaces a document's passages (and size) with those of a new text, in one transaction. */
export async function replaceDocumentText(
  db: PrismaClient,
  baseId: string,
  id: string,
  input: { kind: DocumentKind; text: string; bytes: number },
): Promise<DocumentView> {
  const passages = passagesOf(input.text, input.kind);
  const document = await db.$transaction(async (tx) => {
    const { count } = await tx.knowledgeDocument.updateMany({
      where: { id, baseId },
      data: { kind: input.kind, bytes: input.bytes },
    });
    if (count === 0) throw notFound("document");
    await tx.knowledgePassage.deleteMany({ where: { documentId: id } });
    await tx.knowledgePassage.createMany({
      data: passages.map((passage, seq) => ({ documentId: id, baseId, seq, ...passage })),
    });
    return tx.knowledgeDocument.findUniqueOrThrow({ where: { id } });
  });
  return {
    id,
    title: document.title,
    kind: document.kind,
    bytes: document.bytes,
    sourceUrl: document.sourceUrl,
    passages: passages.length,
    createdAt: document.createdAt.toISOString(),
  };
}

export async function deleteDocument(db: PrismaClient, baseId: string, id: string) {
  if (!BASE_ID.test(baseId) || !DOCUMENT_ID.test(id)) throw notFound("document");
  const { count } = await db.knowledgeDocument.deleteMany({ where: { id, baseId } });
  if (count === 0) throw notFound("document");
}

/**
 * The passages of `baseIds` that best match `query` (its words, stemmed; "quoted phrases", OR and
 * -not as a web search reads them), best first. A query of no searchable words finds nothing.
 */
export async function searchKnowledge(
  read: SqlRead,
  baseIds: string[],
  query: string,
  limit: number,
): Promise<Found[]> {
  if (baseIds.length === 0) return [];
  // Through the driver rather than Prisma: a conversation waits on this (bench/knowledge.ts).
  const rows = await read<Omit<Found, "rank"> & { rank: number | string }>(SEARCH, [
    baseIds,
    query,
    limit,
  ]);
  return rows.map((row) => ({ ...row, rank: Number(row.rank) }));
}

const SEARCH = `
  SELECT p."text", p."heading", d."title" AS "source", p."documentId",
         ts_rank_cd(p."search", q) AS "rank"
  FROM "KnowledgePassage" p
  JOIN "KnowledgeDocument" d ON d."id" = p."documentId",
       websearch_to_tsquery('english', $2) q
  WHERE p."baseId" = ANY($1::text[]) AND p."search" @@ q
  ORDER BY "rank" DESC, p."documentId", p."seq"
  LIMIT $3`;

/** Throws NOT_FOUND unless the base exists. */
export async function requireBase(db: PrismaClient, id: string) {
  if (
    !BASE_ID.test(id) ||
    !(await db.knowledgeBase.findUnique({ where: { id }, select: { id: true } }))
  ) {
    throw notFound("knowledge base");
  }
}

function notFound(what: string) {
  return new AppError("NOT_FOUND", `No ${what} with that id.`);
}
