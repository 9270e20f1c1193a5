import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { refetchWebDocument } from "@/lib/knowledge/web-documents";

type Params = { params: Promise<{ id: string; documentId: string }> };

/**
 * Fetches a web document's page again from its URL → 202 `{ document }`, read after the response:
 * a ready page keeps its passages (searched) until the page as it is now replaces them, or keeps
 * them and says why the fetch failed; a failed one is read anew. An upload, or a page being read
 * already, is a 409.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const { id, documentId } = await params;
  const document = await refetchWebDocument(await getDb(), id, documentId);
  return Response.json({ document }, { status: 202, headers: { "Cache-Control": "no-store" } });
});
