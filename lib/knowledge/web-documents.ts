import "server-only";

// Web pages as documents: fetched by the server (fetch-page.ts) after the response, read as HTML,
// text, Markdown or PDF, and remembered by their URL so that an operator can fetch them again
// when they change. The URL and its host's addresses are checked before anything is kept.
import { knowledgeAllowedHosts } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { checkDocument, type Format } from "./document-text";
import { isBeingRead } from "./document-status";
import { checkPageAddress, fetchPage, type PageType, parsePageUrl } from "./fetch-page";
import {
  ingestAfterResponse,
  type Reader,
  refreshAfterResponse,
  startReadingAgain,
} from "./ingest";
import { createDocument, type DocumentView, documentView, getDocument, requireBase } from "./store";

const FORMATS: Record<PageType, Format> = {
  "text/html": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "application/pdf": "pdf",
};
/** Fetching a page is the first half of its progress, reading it (its PDF pages) the second. */
const FETCHED = 0.5;

/**
 * Adds the page at `url` to a base, fetched and read in the background; its title, if not given,
 * is the page's own once read (its URL meanwhile).
 */
export async function addWebDocument(
  db: PrismaClient,
  baseId: string,
  input: { url: string; title?: string },
): Promise<DocumentView> {
  const url = parsePageUrl(input.url);
  await requireBase(db, baseId);
  await checkPageAddress(url, knowledgeAllowedHosts);
  const { document, reading } = await createDocument(db, baseId, {
    title: input.title ?? url.href,
    kind: "web",
    bytes: 0,
    sourceUrl: url.href,
  });
  ingestAfterResponse(db, reading, pageReader(url, input.title === undefined), FETCHED);
  return document;
}

/**
 * Fetches a web document's page again, in the background. A ready one keeps its passages (and
 * stays searchable) until the new ones replace them, or keeps them with why the fetch failed; a
 * failed one (an abandoned one too) is read anew. 409 for an upload, or a page being read already.
 */
export async function refetchWebDocument(
  db: PrismaClient,
  baseId: string,
  id: string,
): Promise<DocumentView> {
  const document = await getDocument(db, baseId, id);
  if (document.kind !== "web" || !document.sourceUrl) {
    throw new AppError(
      "CONFLICT",
      "Only a document added by URL can be fetched again; upload this one anew instead.",
    );
  }
  const url = parsePageUrl(document.sourceUrl);
  await checkPageAddress(url, knowledgeAllowedHosts);
  // As the operator saw it: a reading that was abandoned no longer counts as under way.
  const shown = documentView(document, 0);
  const anew = shown.status === "failed";
  const reading = isBeingRead(shown) ? null : await startReadingAgain(db, document, anew);
  if (!reading) {
    throw new AppError("CONFLICT", "This page is being read already; wait for it to finish.");
  }
  // A page that failed before it was read is still titled by its URL: it takes the page's own.
  const ownTitle = document.title === document.sourceUrl;
  if (anew) ingestAfterResponse(db, reading, pageReader(url, ownTitle), FETCHED);
  else refreshAfterResponse(db, reading, pageReader(url, false));
  const passages = anew ? 0 : await db.knowledgePassage.count({ where: { documentId: id } });
  return documentView(await db.knowledgeDocument.findUniqueOrThrow({ where: { id } }), passages);
}

/** Fetches the page and reads it; `ownTitle`: take the page's title as the document's. */
function pageReader(url: URL, ownTitle: boolean): Reader {
  return async (report) => {
    const page = await fetchPage(url, { allowedHosts: knowledgeAllowedHosts });
    await report(FETCHED);
    const { read } = checkDocument(page.body, FORMATS[page.type], {
      web: true,
      charset: page.charset,
    });
    const text = await read((fraction) => report(FETCHED + (1 - FETCHED) * fraction));
    return {
      kind: "web",
      text: text.text,
      bytes: page.body.byteLength,
      ...(ownTitle ? { title: titleFor(text.title, url) } : {}),
    };
  };
}

/** The page's own title as one line of at most 200 characters, else its URL. */
function titleFor(pageTitle: string | null, url: URL): string {
  const title = (pageTitle ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return (title || url.href).slice(0, 200).trim();
}
