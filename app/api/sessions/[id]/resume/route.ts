import type { NextRequest } from "next/server";

import { clientKeyOf } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { ownerKeyFrom } from "@/lib/sessions/owner-cookie";

/**
 * Resumes a paused conversation with a new avatar session that carries on from what was said.
 * Counted and limited like a start, and answers like one: `{ session, connection }`.
 */
export const POST = route(
  async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const started = await getSessionService().resume(
      id,
      ownerKeyFrom(request),
      clientKeyOf(request),
    );
    return Response.json(started, { headers: { "Cache-Control": "no-store" } });
  },
);
