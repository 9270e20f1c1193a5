import { z } from "zod";

/** A search is a short question: anything bigger is not one. */
export const KNOWLEDGE_BODY_MAX_BYTES = 2048;

/** Passages one search hands back: with PASSAGE_MAX_CHARACTERS each, about 900 tokens at most. */
export const KNOWLEDGE_RESULTS = 3;

/** Body of POST /api/worker/sessions/{id}/knowledge. */
export const knowledgeSearchBody = z.strictObject({
  query: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must be one line of text"),
});
