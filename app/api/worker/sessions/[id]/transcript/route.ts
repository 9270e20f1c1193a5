import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { verifyWorkerRequest } from "@/lib/livekit/worker-auth";
import { getSessionService } from "@/lib/sessions";

import { TRANSCRIPT_BODY_MAX_BYTES, transcriptReportBody } from "./schema";

/** The Jeremy worker hands over a session's transcript when the conversation ends. */
export const POST = route(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    await verifyWorkerRequest(request, id);
    const body = await readJsonBody(request, { maxBytes: TRANSCRIPT_BODY_MAX_BYTES });
    const { lines } = parseInput(transcriptReportBody, body);
    const result = await getSessionService().recordTranscript(id, lines);
    return Response.json(result);
  },
);
