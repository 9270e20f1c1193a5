import type { NextRequest } from "next/server";

import { readBeaconBody } from "@/lib/http/read-beacon-body";
import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { isOpen } from "@/lib/sessions/statuses";
import { ownerKeyFrom } from "@/lib/sessions/owner-cookie";

import { STOP_BODY_MAX_BYTES, stopSessionBody } from "./schema";

/**
 * Ends a conversation. Idempotent; accepts a `navigator.sendBeacon` body (text/plain). 200 means
 * ended; 202 means the stop is under way (the server keeps at it): ask again to follow it.
 */
export const POST = route(
  async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const { reason } = await readBeaconBody(request, stopSessionBody, STOP_BODY_MAX_BYTES);
    const session = await getSessionService().stop(id, reason ?? "hangup", ownerKeyFrom(request));
    return Response.json(
      { session },
      { status: isOpen(session.status) ? 202 : 200, headers: { "Cache-Control": "no-store" } },
    );
  },
);
