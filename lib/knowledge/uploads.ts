import "server-only";

// What an operator sends to a base (a file: PDF, Markdown or plain text; or pasted text): checked
// at once, kept as a "processing" document, and read after the response (ingest.ts).
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { checkDocument, type Format } from "./document-text";
import { ingestAfterResponse } from "./ingest";
import { type DocumentKind, looksLikeText } from "./passages";
import { looksLikePdf } from "./pdf-text";
import { createDocument, type DocumentView, requireBase } from "./store";

export interface Upload {
  file: File;
  title?: string;
  kind?: "markdown" | "text" | "pdf";
}

/**
 * Adds an uploaded file as a document, read in the background (a PDF's pages are the first half
 * of its progress): its title, if not given, is the file's name.
 */
export async function addUploadedDocument(
  db: PrismaClient,
  baseId: string,
  upload: Upload,
): Promise<DocumentView> {
  await requireBase(db, baseId);
  // Kept in memory until the background reading is done with it.
  const bytes = new Uint8Array(await upload.file.arrayBuffer());
  const title = upload.title ?? titleFromName(upload.file.name);
  const format = upload.kind ?? formatOf(upload.file, bytes);
  const { kind, read } = checkDocument(bytes, format);
  const { document, reading } = await createDocument(db, baseId, {
    title,
    kind,
    bytes: bytes.byteLength,
  });
  ingestAfterResponse(db, reading, read, format === "pdf" ? 0.5 : 0);
  return document;
}

/** Adds pasted text as a document; its passages are stored in the background. */
export async function addTextDocument(
  db: PrismaClient,
  baseId: string,
  input: { title: string; kind: DocumentKind; text: string },
): Promise<DocumentView> {
  if (!looksLikeText(input.text)) {
    throw new AppError(
      "BAD_REQUEST",
      "Invalid request: text: this is not text (a binary file?); send Markdown or plain text.",
    );
  }
  if (input.text.trim() === "") {
    throw new AppError("BAD_REQUEST", "Invalid request: text: the document has no text to search.");
  }
  const bytes = Buffer.byteLength(input.text, "utf8");
  const { document, reading } = await createDocument(db, baseId, { ...input, bytes });
  const text = { kind: input.kind, text: input.text };
  ingestAfterResponse(db, reading, async () => text, 0);
  return document;
}

/** What a file is, by its name, then its stated type, then its first bytes; else Markdown. */
function formatOf(file: File, bytes: Uint8Array): Format {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  if (name.endsWith(".pdf")) return "pdf";
  if (/\.(md|markdown)$/.test(name)) return "markdown";
  if (/\.(txt|text)$/.test(name)) return "text";
  if (type === "application/pdf" || looksLikePdf(bytes)) return "pdf";
  if (type === "text/plain") return "text";
  return "markdown";
}

/** A file's name as a title: one line of at most 200 characters. */
function titleFromName(name: string): string {
  const title = name
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200)
    .trim();
  if (!title) throw new AppError("BAD_REQUEST", "Invalid request: title: required.");
  return title;
}
