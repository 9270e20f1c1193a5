import { z } from "zod";

/** A line of text: no control characters (PostgreSQL refuses a NUL outright). */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must be one line of text");

/** Body of POST /api/admin/knowledge. */
export const createBaseBody = z.strictObject({
  name: line(100),
  isPublic: z.boolean().default(false),
});

/** The largest document body accepted (its text, in JSON). */
export const DOCUMENT_BODY_MAX_BYTES = 2 * 1024 * 1024;

/** Body of POST /api/admin/knowledge/{id}/documents. */
export const addDocumentBody = z.strictObject({
  title: line(200),
  kind: z.enum(["markdown", "text"]).default("markdown"),
  text: z.string().min(1),
});

/** Query of GET /api/admin/knowledge/{id}/search. */
export const searchQuery = z.strictObject({
  q: line(500),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
