import { z } from "zod";

import { oneLine } from "@/lib/http/one-line";

/** The largest file accepted. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** The largest multipart form: the file, and room for its title and the form's own framing. */
export const UPLOAD_FORM_MAX_BYTES = UPLOAD_MAX_BYTES + 64 * 1024;

/** A multipart upload to POST /api/admin/knowledge/{id}/documents: a file, and its title. */
export const uploadForm = z.strictObject({
  file: z
    .instanceof(File, { message: "required: a PDF, Markdown or plain-text file" })
    .refine((file) => file.size <= UPLOAD_MAX_BYTES, "must be at most 10 MiB"),
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
