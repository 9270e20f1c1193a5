import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { isMultipartForm, readFormBody } from "@/lib/http/read-form-body";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { listDocuments } from "@/lib/knowledge/store";
import { addTextDocument, addUploadedDocument } from "@/lib/knowledge/uploads";
import { addWebDocument } from "@/lib/knowledge/web-documents";

import { addDocumentBody, DOCUMENT_BODY_MAX_BYTES } from "../../schema";
import { addWebPageBody, UPLOAD_FORM_MAX_BYTES, uploadForm } from "./schema";

type Params = { params: Promise<{ id: string }> };
const NO_STORE = { "Cache-Control": "no-store" };

/** A base's documents: how far each is read (or why it failed), and its passages so far. */
export const GET = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const documents = await listDocuments(await getDb(), (await params).id);
  return Response.json({ documents }, { headers: NO_STORE });
});

/**
 * Adds a document to a base → 202 `{ document }` ("processing"): what can be checked at once is
 * (a 4xx, and nothing kept), then it is read and split into passages after the response; GET
 * shows its progress, and it is searchable once "ready":
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
  return Response.json({ document }, { status: 202, headers: NO_STORE });
});

async function addJsonDocument(id: string, body: unknown) {
  if (typeof body === "object" && body !== null && "url" in body) {
    return addWebDocument(await getDb(), id, parseInput(addWebPageBody, body));
  }
  return addTextDocument(await getDb(), id, parseInput(addDocumentBody, body));
}
