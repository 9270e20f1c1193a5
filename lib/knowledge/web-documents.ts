import "server-only";

// Web pages as documents: fetched by the server (fetch-page.ts), read as HTML, text, Markdown or
// PDF, and remembered by their URL so that an operator can fetch them again when they change.
import { knowledgeAllowedHosts } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { documentText, type DocumentText, type Format } from "./document-text";
import { type FetchedPage, fetchPage, type PageType, parsePageUrl } from "./fetch-page";
import {
  addDocument,
  type DocumentView,
  getDocument,
  replaceDocumentText,
  requireBase,
} from "./store";

const FORMATS: Record<PageType, Format> = {
  "text/html": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "application/pdf": "pdf",
};

/** Fetches the page at `url` and adds it to a base; its title, if not given, is the page's. */
export async function addWebDocument(
  db: PrismaClient,
  baseId: string,
  input: { url: string; title?: string },
): Promise<DocumentView> {
  const url = parsePageUrl(input.url);
  await requireBase(db, baseId);
  const { page, read } = await fetchAndRead(url);
  return addDocument(db, baseId, {
    title: input.title ?? titleFor(read.title, url),
    kind: "web",
    text: read.text,
    bytes: page.body.byteLength,
    sourceUrl: url.href,
  });
}

/** Fetches a web document's page again and replaces its passages with the page as it is now. */
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
  const { page, read } = await fetchAndRead(parsePageUrl(document.sourceUrl));
  return replaceDocumentText(db, baseId, id, {
    kind: "web",
    text: read.text,
    bytes: page.body.byteLength,
  });
}

async function fetchAndRead(url: URL): Promise<{ page: FetchedPage; read: DocumentText }> {
  const page = await fetchPage(url, { allowedHosts: knowledgeAllowedHosts });
  const read = await documentText(page.body, FORMATS[page.type], {
    web: true,
    charset: page.charset,
  });
  return { page, read };
}

/** The page's own title as one line of at most 200 characters, else its URL. */
function titleFor(pageTitle: string | null, url: URL): string {
  const title = (pageTitle ?? "").replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return (title || url.href).slice(0, 200).trim();
}
