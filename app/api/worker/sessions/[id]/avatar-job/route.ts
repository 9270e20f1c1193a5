import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { verifyWorkerRequest } from "@/lib/livekit/worker-auth";
import { getSessionService } from "@/lib/sessions";

import { AVATAR_JOB_BODY_MAX_BYTES, avatarJobBody } from "./schema";

/**
 * A dispatched avatar job claims the session's current room before joining it: 204 when the
 * room is its own, 409 when another job has it (LiveKit dispatched the room again) or the session
 * wants no avatar.
 */
export const POST = route(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    await verifyWorkerRequest(request, id);
    const body = await readJsonBody(request, { maxBytes: AVATAR_JOB_BODY_MAX_BYTES });
    const { room, jobId } = parseInput(avatarJobBody, body);
    await getSessionService().claimAvatarJob(id, room, jobId);
    return new Response(null, { status: 204 });
  },
);
