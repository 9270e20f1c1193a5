import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { deleteBase } from "@/lib/knowledge/store";

/** Deletes a knowledge base with its documents. */
export const DELETE = route(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    await requireAdmin(request);
    await deleteBase(await getDb(), (await params).id);
    return new Response(null, { status: 204 });
  },
);
