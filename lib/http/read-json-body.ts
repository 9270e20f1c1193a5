import { AppError } from "@/lib/errors";

interface ReadJsonOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Also accept `text/plain`, which is what `navigator.sendBeacon` sends for a string. */
  allowTextPlain?: boolean;
}

/** Reads a JSON request body within a size limit; an empty body reads as `undefined`. */
export async function readJsonBody(request: Request, options: ReadJsonOptions): Promise<unknown> {
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > options.maxBytes) throw tooLarge(options.maxBytes);

  const bytes = await readLimited(request, options.maxBytes);
  if (bytes.length === 0) return undefined;

  checkContentType(request.headers.get("content-type"), options.allowTextPlain ?? false);

  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8.");
  }
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

async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes.`);
}
