import type { NextRequest } from "next/server";

import { route } from "@/lib/http/route";
import { getSessionService } from "@/lib/sessions";
import { ownerKeyFrom } from "@/lib/sessions/owner-cookie";

/** What was said in the owner's conversation, in order: `{ lines: [{ role, text, at }] }`. */
export const GET = route(
  async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    const transcript = await getSessionService().transcript(id, ownerKeyFrom(request));
    return Response.json(transcript, { headers: { "Cache-Control": "no-store" } });
  },
);
