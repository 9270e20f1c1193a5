import { TRANSCRIPT_BODY_MAX_BYTES, type TranscriptReportAnswer } from "@/lib/contract";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { verifyWorkerRequest } from "@/lib/livekit/worker-auth";
import { getSessionService } from "@/lib/sessions";

import { checkLines, transcriptReportBody } from "./schema";

/**
 * The Jeremy worker hands over a session's transcript as it goes. Good lines are kept; the
 * answer lists the refused ones, so the worker never sends them again.
 */
export const POST = route(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    await verifyWorkerRequest(request, id);
    const body = await readJsonBody(request, { maxBytes: TRANSCRIPT_BODY_MAX_BYTES });
    const { lines } = parseInput(transcriptReportBody, body);
    const { valid, refused } = checkLines(lines);
    const result = await getSessionService().recordTranscript(id, valid);
    const answer: TranscriptReportAnswer = {
      stored: result.stored,
      refused: [...refused, ...result.refused].sort((a, b) => a.index - b.index),
    };
    return Response.json(answer);
  },
);
