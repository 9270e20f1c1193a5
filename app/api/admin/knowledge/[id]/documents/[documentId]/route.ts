import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { deleteDocument } from "@/lib/knowledge/store";

/** Deletes a document and its passages. */
export const DELETE = route(
  async (request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) => {
    await requireAdmin(request);
    const { id, documentId } = await params;
    await deleteDocument(await getDb(), id, documentId);
    return new Response(null, { status: 204 });
  },
);
