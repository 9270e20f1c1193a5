import { ProviderError } from "@/lib/providers/errors";

// The one mapping from an Equos answer (or its absence) to a ProviderError, for both API
// versions, so the session service reacts the same way whichever version is in use.

/** A failed HTTP status from Equos, as the session service should treat it. */
export function equosStatusError(status: number, text: string, what: string): ProviderError {
  const body = parseJson(text) as { message?: unknown; code?: unknown } | undefined;
  const vendorMessage = typeof body?.message === "string" ? body.message : text.slice(0, 200);
  const vendorCode = typeof body?.code === "string" ? body.code : "";
  const detail = `Equos ${what} failed with ${status}: ${vendorMessage}`;
  // A refusal (a 4xx other than a time-out or rate limit) did nothing at Equos: a start refused
  // so left no conversation behind to look for.
  const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;

  // The free plan's limit arrives as a 403 whose message or code names FREEMIUM_LIMIT.
  if (status === 402 || `${vendorCode} ${vendorMessage}`.includes("FREEMIUM_LIMIT")) {
    return new ProviderError("quota", detail, { refused });
  }
  if (status === 404) return new ProviderError("not_found", detail, { refused });
  if (status === 408 || status === 504) return new ProviderError("timeout", detail);
  if (status === 429 || status >= 500) return new ProviderError("unavailable", detail);
  // A refusal of the request itself (400, 401, 403, ...): trying again cannot fix it.
  return new ProviderError("error", detail, { refused });
}

/** A call that got no answer: a timeout, or Equos could not be reached at all. */
export function equosTransportError(error: unknown, what: string, timeoutMs: number) {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new ProviderError("timeout", `Equos ${what} did not answer within ${timeoutMs} ms`);
  }
  return new ProviderError("unavailable", `Equos could not be reached (${what})`, {
    cause: error,
  });
}

/** An answer whose body is not what the API documents. */
export function equosBodyError(what: string, cause: unknown) {
  return new ProviderError("error", `Equos ${what} answered with an unexpected body`, { cause });
}

/** The parsed JSON of a body, or undefined when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
