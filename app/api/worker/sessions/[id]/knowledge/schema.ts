import { z } from "zod";

import { KNOWLEDGE_QUERY_MAX_CHARACTERS } from "@/lib/contract";
import { oneLine } from "@/lib/http/one-line";

/** A search is a short question: anything bigger is not one. */
export const KNOWLEDGE_BODY_MAX_BYTES = 2048;

/** Passages one search hands back: with PASSAGE_MAX_CHARACTERS each, about 900 tokens at most. */
export const KNOWLEDGE_RESULTS = 3;

/** Body of POST /api/worker/sessions/{id}/knowledge. */
export const knowledgeSearchBody = z.strictObject({
  query: oneLine(KNOWLEDGE_QUERY_MAX_CHARACTERS),
});
