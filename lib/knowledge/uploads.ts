import "server-only";

// A file an operator uploads (a PDF, Markdown or plain text), read and added to a base.
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { documentText, type Format } from "./document-text";
import { looksLikePdf } from "./pdf-text";
import { addDocument, type DocumentView, requireBase } from "./store";

export interface Upload {
  file: File;
  title?: string;
  kind?: "markdown" | "text" | "pdf";
}

/** Adds an uploaded file as a document: its title, if not given, is the file's name. */
export async function addUploadedDocument(
  db: PrismaClient,
  baseId: string,
  upload: Upload,
): Promise<DocumentView> {
  await requireBase(db, baseId);
  const bytes = new Uint8Array(await upload.file.arrayBuffer());
  const title = upload.title ?? titleFromName(upload.file.name);
  const { kind, text } = await documentText(bytes, upload.kind ?? formatOf(upload.file, bytes));
  return addDocument(db, baseId, { title, kind, text, bytes: bytes.byteLength });
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
