import "server-only";

// Knowledge bases in the ledger's database: bases, their documents (kept as passages), and the
// ranked full-text search over them (the same SQL on PGlite and PostgreSQL).
import { randomBytes } from "node:crypto";

import { AppError } from "@/lib/errors";
import type { SqlRead } from "@/lib/db/handle";
import type { KnowledgeDocument, PrismaClient } from "@/lib/generated/prisma/client";

import {
  type DocumentStatus,
  INTERRUPTED,
  isAbandoned,
  REFETCH_INTERRUPTED,
} from "./document-status";
import type { DocumentKind } from "./passages";

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
  /** "processing" while read in the background; only "ready" documents are searched. */
  status: DocumentStatus;
  /** How far it is read, 0 to 1; below 1 on a ready web page while it is fetched again. */
  progress: number;
  /** Why its reading (or, on a ready page, its last fetch) failed, for operators; else null. */
  failure: string | null;
  /** Stored so far. */
  passages: number;
  createdAt: string;
}

/** A reading under way: its document, and its id (each reading, or fetch again, takes a new one). */
export interface ReadingTarget {
  id: string;
  baseId: string;
  readingId: string;
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
/** A new reading's id: an earlier reading of the same document no longer matches it. */
export const newReadingId = () => newId("read");
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

/** A base's documents, oldest first, with how far each is read (an abandoned one as failed). */
export async function listDocuments(db: PrismaClient, baseId: string): Promise<DocumentView[]> {
  await requireBase(db, baseId);
  const documents = await db.knowledgeDocument.findMany({
    where: { baseId },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { passages: true } } },
  });
  return documents.map(({ _count, ...document }) => documentView(document, _count.passages));
}

/**
 * Makes a document's row, "processing" with nothing read yet, unless the base is full: the
 * document, and the reading that ingest.ts is to do.
 */
export async function createDocument(
  db: PrismaClient,
  baseId: string,
  input: { title: string; kind: DocumentKind; bytes: number; sourceUrl?: string },
): Promise<{ document: DocumentView; reading: ReadingTarget }> {
  await requireBase(db, baseId);
  const readingId = newReadingId();
  const document = await db.$transaction(async (tx) => {
    if ((await tx.knowledgeDocument.count({ where: { baseId } })) >= MAX_DOCUMENTS_PER_BASE) {
      throw new AppError(
        "CONFLICT",
        `The base already holds ${MAX_DOCUMENTS_PER_BASE} documents; delete one first.`,
      );
    }
    return tx.knowledgeDocument.create({
      data: {
        id: newId("doc"),
        baseId,
        title: input.title,
        kind: input.kind,
        bytes: input.bytes,
        sourceUrl: input.sourceUrl ?? null,
        status: "processing",
        progress: 0,
        readingId,
      },
    });
  });
  return { document: documentView(document, 0), reading: { id: document.id, baseId, readingId } };
}

/**
 * A document's row as the admin API shows it. A reading silent past the limit (its process died)
 * is shown interrupted, and nothing is written for it (this runs on GET): a new document as
 * failed, with no passages (those it left are never searched, as it is not ready, and go when it
 * is deleted or fetched again); a page fetched again as ready with its old passages, not updated.
 */
export function documentView(row: KnowledgeDocument, passages: number): DocumentView {
  const view: DocumentView = {
    id: row.id,
    title: row.title,
    kind: row.kind,
    bytes: row.bytes,
    sourceUrl: row.sourceUrl,
    status: row.status as DocumentStatus,
    progress: row.progress,
    failure: row.failure,
    passages,
    createdAt: row.createdAt.toISOString(),
  };
  if (!isAbandoned(row)) return view;
  return row.status === "processing"
    ? { ...view, status: "failed", failure: INTERRUPTED, passages: 0 }
    : { ...view, progress: 1, failure: REFETCH_INTERRUPTED };
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

export async function deleteDocument(db: PrismaClient, baseId: string, id: string) {
  if (!BASE_ID.test(baseId) || !DOCUMENT_ID.test(id)) throw notFound("document");
  const { count } = await db.knowledgeDocument.deleteMany({ where: { id, baseId } });
  if (count === 0) throw notFound("document");
}

/**
 * The passages of `baseIds`' ready documents that best match `query` (its words, stemmed; "quoted phrases", OR and
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
  WHERE p."baseId" = ANY($1::text[]) AND p."search" @@ q AND d."status" = 'ready'
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
