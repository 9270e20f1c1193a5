import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { refetchWebDocument } from "@/lib/knowledge/web-documents";

type Params = { params: Promise<{ id: string; documentId: string }> };

/**
 * Fetches a web document's page again from its URL and replaces its passages with the page as it
 * is now → `{ document }`. A document that was uploaded is a 409.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const { id, documentId } = await params;
  const document = await refetchWebDocument(await getDb(), id, documentId);
  return Response.json({ document }, { headers: { "Cache-Control": "no-store" } });
});
