import { z } from "zod";

import { oneLine } from "@/lib/http/one-line";

/** Body of POST /api/admin/knowledge. */
export const createBaseBody = z.strictObject({
  name: oneLine(100),
  isPublic: z.boolean().default(false),
});

/** Body of PATCH /api/admin/knowledge/{id}: a new name, a new public flag, or both. */
export const updateBaseBody = z
  .strictObject({
    name: oneLine(100).optional(),
    isPublic: z.boolean().optional(),
  })
  .refine((changes) => changes.name !== undefined || changes.isPublic !== undefined, {
    message: "name or isPublic is required",
  });

/** The largest document body accepted (its text, in JSON). */
export const DOCUMENT_BODY_MAX_BYTES = 2 * 1024 * 1024;

/** Body of POST /api/admin/knowledge/{id}/documents. */
export const addDocumentBody = z.strictObject({
  title: oneLine(200),
  kind: z.enum(["markdown", "text"]).default("markdown"),
  text: z.string().min(1),
});

/** Query of GET /api/admin/knowledge/{id}/search. */
export const searchQuery = z.strictObject({
  q: oneLine(500),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
