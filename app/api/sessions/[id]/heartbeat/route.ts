import type { NextRequest } from "next/server";

import { readBeaconBody } from "@/lib/http/read-beacon-body";
import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { ownerKeyFrom } from "@/lib/sessions/owner-cookie";

import { HEARTBEAT_BODY_MAX_BYTES, heartbeatBody } from "./schema";

/**
 * The owner's page is still open (sent every 15 s): 204. A session not heard from for
 * HEARTBEAT_TIMEOUT_SECONDS is ended by the sweeper. A heartbeat for a session that has already
 * ended is answered 204 too but changes nothing; the page learns the state from GET.
 */
export const POST = route(
  async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    await readBeaconBody(request, heartbeatBody, HEARTBEAT_BODY_MAX_BYTES);
    await getSessionService().touch(id, ownerKeyFrom(request));
    return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  },
);
