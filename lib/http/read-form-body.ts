import { AppError } from "@/lib/errors";

import { readBodyBytes } from "./read-body";

/** Whether a request says it carries a multipart form (a file upload). */
export function isMultipartForm(request: Request): boolean {
  return /^\s*multipart\/form-data\s*(;|$)/i.test(request.headers.get("content-type") ?? "");
}

/**
 * Reads a `multipart/form-data` body of at most `maxBytes` (413 beyond, without buffering the
 * excess: read-body.ts), as its fields; 400 for a malformed form.
 */
export async function readFormBody(
  request: Request,
  options: { maxBytes: number },
): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!isMultipartForm(request)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as multipart/form-data.");
  }
  const bytes = await readBodyBytes(request, options.maxBytes);
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": contentType },
    }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not a valid multipart/form-data form.");
  }
}
