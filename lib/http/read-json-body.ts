import { AppError } from "@/lib/errors";

import { decodeUtf8, readBodyBytes } from "./read-body";

interface ReadJsonOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Also accept `text/plain`, which is what `navigator.sendBeacon` sends for a string. */
  allowTextPlain?: boolean;
}

/** Reads a JSON request body within a size limit; an empty body reads as `undefined`. */
export async function readJsonBody(request: Request, options: ReadJsonOptions): Promise<unknown> {
  const bytes = await readBodyBytes(request, options.maxBytes);
  if (bytes.length === 0) return undefined;

  checkContentType(request.headers.get("content-type"), options.allowTextPlain ?? false);

  const text = decodeUtf8(bytes);
  if (text.trim() === "") return undefined;

  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

function checkContentType(header: string | null, allowTextPlain: boolean) {
  const [mediaType = "", ...params] = (header ?? "").toLowerCase().split(";");
  const type = mediaType.trim();
  const accepted = type === "application/json" || (allowTextPlain && type === "text/plain");
  if (!accepted) {
    const expected = allowTextPlain ? "application/json or text/plain" : "application/json";
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the body as ${expected}.`);
  }
  const charset = params.map((p) => p.trim()).find((p) => p.startsWith("charset="));
  if (charset && !/^charset="?utf-8"?$/.test(charset)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Only UTF-8 request bodies are accepted.");
  }
}
