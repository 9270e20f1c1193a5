import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { isMultipartForm, readFormBody } from "@/lib/http/read-form-body";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { looksLikeText } from "@/lib/knowledge/passages";
import { addDocument, listDocuments } from "@/lib/knowledge/store";
import { addUploadedDocument } from "@/lib/knowledge/uploads";
import { addWebDocument } from "@/lib/knowledge/web-documents";

import { addDocumentBody, DOCUMENT_BODY_MAX_BYTES } from "../../schema";
import { addWebPageBody, UPLOAD_FORM_MAX_BYTES, uploadForm } from "./schema";

type Params = { params: Promise<{ id: string }> };
const NO_STORE = { "Cache-Control": "no-store" };

/** A base's documents, with how many passages each was split into. */
export const GET = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const documents = await listDocuments(await getDb(), (await params).id);
  return Response.json({ documents }, { headers: NO_STORE });
});

/**
 * Adds a document to a base → 201 `{ document }`, split into passages and searchable at once:
 * - a file (PDF, Markdown or plain text) as `multipart/form-data` `file` (+ `title?`, `kind?`),
 *   at most 10 MiB;
 * - a web page the server fetches: JSON `{ url, title? }`;
 * - text: JSON `{ title, kind?, text }`, at most 2 MiB.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const { id } = await params;
  const document = isMultipartForm(request)
    ? await addUploadedDocument(
        await getDb(),
        id,
        parseInput(
          uploadForm,
          Object.fromEntries(await readFormBody(request, { maxBytes: UPLOAD_FORM_MAX_BYTES })),
        ),
      )
    : await addJsonDocument(id, await readJsonBody(request, { maxBytes: DOCUMENT_BODY_MAX_BYTES }));
  return Response.json({ document }, { status: 201, headers: NO_STORE });
});

async function addJsonDocument(id: string, body: unknown) {
  if (typeof body === "object" && body !== null && "url" in body) {
    return addWebDocument(await getDb(), id, parseInput(addWebPageBody, body));
  }
  const input = parseInput(addDocumentBody, body);
  if (!looksLikeText(input.text)) {
    throw new AppError(
      "BAD_REQUEST",
      "Invalid request: text: this is not text (a binary file?); send Markdown or plain text.",
    );
  }
  const bytes = Buffer.byteLength(input.text, "utf8");
  return addDocument(await getDb(), id, { ...input, bytes });
}
