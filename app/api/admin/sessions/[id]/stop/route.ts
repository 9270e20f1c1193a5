import { requireAdmin } from "@/lib/admin/auth";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { isOpen } from "@/lib/sessions/statuses";
import { toSessionView } from "@/lib/sessions/view";

/** Ends any session on an operator's say-so (reason `admin`). */
export const POST = route(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    await requireAdmin(request);
    const { id } = await params;
    const row = await getSessionService().stopById(id, "admin");
    if (!row) throw new AppError("NOT_FOUND", "No session with that id.");
    return Response.json(
      { session: toSessionView(row) },
      { status: isOpen(row.status) ? 202 : 200, headers: { "Cache-Control": "no-store" } },
    );
  },
);
