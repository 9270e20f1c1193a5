import { requireAdmin } from "@/lib/admin/auth";
import { getSessionWithTranscript } from "@/lib/admin/sessions";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

/** One session with its transcript, for operators (ADMIN_TOKEN). */
export const GET = route(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    await requireAdmin(request);
    const { id } = await params;
    const session = await getSessionWithTranscript(await getDb(), id);
    return Response.json({ session }, { headers: { "Cache-Control": "no-store" } });
  },
);
