import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { looksLikeText } from "@/lib/knowledge/passages";
import { addDocument, listDocuments } from "@/lib/knowledge/store";

import { addDocumentBody, DOCUMENT_BODY_MAX_BYTES } from "../../schema";

type Params = { params: Promise<{ id: string }> };
const NO_STORE = { "Cache-Control": "no-store" };

/** A base's documents, with how many passages each was split into. */
export const GET = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const documents = await listDocuments(await getDb(), (await params).id);
  return Response.json({ documents }, { headers: NO_STORE });
});

/**
 * Adds a document (Markdown or plain text) to a base: `{ title, kind?, text }` → 201
 * `{ document }`, split into passages and searchable at once. At most 2 MiB.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const { id } = await params;
  const input = parseInput(
    addDocumentBody,
    await readJsonBody(request, { maxBytes: DOCUMENT_BODY_MAX_BYTES }),
  );
  if (!looksLikeText(input.text)) {
    throw new AppError(
      "BAD_REQUEST",
      "Invalid request: text: this is not text (a binary file?); send Markdown or plain text.",
    );
  }
  const bytes = Buffer.byteLength(input.text, "utf8");
  const document = await addDocument(await getDb(), id, { ...input, bytes });
  return Response.json({ document }, { status: 201, headers: NO_STORE });
});
