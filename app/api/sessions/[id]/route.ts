import type { NextRequest } from "next/server";

import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { ownerKeyFrom } from "@/lib/sessions/owner-cookie";

/** The owner's view of one session. */
export const GET = route(
  async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const session = await getSessionService().get(id, ownerKeyFrom(request));
    return Response.json({ session }, { headers: { "Cache-Control": "no-store" } });
  },
);
