import { z } from "zod";

import { oneLine } from "@/lib/http/one-line";

/** The largest upload accepted: the whole multipart form, file and fields. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** A multipart upload to POST /api/admin/knowledge/{id}/documents: a file, and its title. */
export const uploadForm = z.strictObject({
  file: z.instanceof(File, { message: "required: a PDF, Markdown or plain-text file" }),
  /** Unset: the file's name. */
  title: oneLine(200).optional(),
  /** Unset: told by the file's name, type or first bytes. */
  kind: z.enum(["markdown", "text", "pdf"]).optional(),
});

/** A web page to add to a base by URL: `{ url, title? }` (the page's own title if unset). */
export const addWebPageBody = z.strictObject({
  url: z.string().trim().min(1).max(2048),
  title: oneLine(200).optional(),
});
