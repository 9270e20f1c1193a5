import type { KnowledgeSearchAnswer } from "@/lib/contract";
import { getDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { searchKnowledge } from "@/lib/knowledge/store";
import { verifyWorkerRequest } from "@/lib/livekit/worker-auth";
import { isSessionId } from "@/lib/sessions/ids";
import { stillPublic } from "@/lib/sessions/knowledge";

import { KNOWLEDGE_BODY_MAX_BYTES, KNOWLEDGE_RESULTS, knowledgeSearchBody } from "./schema";

/**
 * The avatar agent searches its conversation's knowledge bases: `{ query }` → `{ passages: [{
 * text, heading, source }] }`, the best few first (none when the session has no bases).
 */
export const POST = route(
  async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const { id } = await params;
    await verifyWorkerRequest(request, id);
    const body = await readJsonBody(request, { maxBytes: KNOWLEDGE_BODY_MAX_BYTES });
    const { query } = parseInput(knowledgeSearchBody, body);
    const database = await getDatabase();
    const session = isSessionId(id)
      ? await database.prisma.session.findUnique({
          where: { id },
          select: { knowledgeBaseIds: true },
        })
      : null;
    if (!session) throw new AppError("NOT_FOUND", "No session with that id.");
    const bases = await stillPublic(database.prisma, session.knowledgeBaseIds);
    const found = await searchKnowledge(database.read, bases, query, KNOWLEDGE_RESULTS);
    const answer: KnowledgeSearchAnswer = {
      passages: found.map(({ text, heading, source }) => ({ text, heading, source })),
    };
    return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
  },
);
