import type { NextRequest } from "next/server";

import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { ownerKeyFrom } from "@/lib/sessions/owner-cookie";

/**
 * Pauses a conversation: its avatar session stops (so billing stops) and it can be resumed
 * within PAUSE_MAX_SECONDS. Idempotent. 200 means paused; 202 means the pause is under way (the
 * server keeps at it): ask again to follow it.
 */
export const POST = route(
  async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const session = await getSessionService().pause(id, ownerKeyFrom(request));
    return Response.json(
      { session },
      {
        status: session.status === "PAUSED" ? 200 : 202,
        headers: { "Cache-Control": "no-store" },
      },
    );
  },
);
