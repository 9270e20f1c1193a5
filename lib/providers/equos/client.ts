import "server-only";

import type { z } from "zod";

import { isProviderError } from "@/lib/providers/errors";
import { retry } from "@/lib/retry";

import { equosBodyError, equosStatusError, equosTransportError, parseJson } from "./errors";

export interface EquosClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

/** Tries for an idempotent read; starting a conversation is never repeated. */
const READ_ATTEMPTS = 3;

type Query = Record<string, string | number | undefined>;

/**
 * A small typed HTTP client for the Equos API, shared by both API versions: it adds the key,
 * bounds every call with a timeout, validates answers with a zod schema, and turns every
 * failure into a ProviderError through one mapping (./errors.ts).
 */
export class EquosClient {
  constructor(private readonly options: EquosClientOptions) {}

  /** A GET, retried on failures that may pass (overload, timeout, unreachable). */
  get<T extends z.ZodType>(path: string, schema: T, query: Query = {}) {
    return retry(() => this.send("GET", withQuery(path, query), schema), {
      attempts: READ_ATTEMPTS,
      baseDelayMs: 200,
      shouldRetry: (error) => isProviderError(error) && error.retryable,
    });
  }

  /** A single POST or PATCH; the caller decides whether it may be repeated. */
  write<T extends z.ZodType>(method: "POST" | "PATCH", path: string, schema: T, body?: unknown) {
    return this.send(method, path, schema, body);
  }

  private async send<T extends z.ZodType>(
    method: string,
    path: string,
    schema: T,
    body?: unknown,
  ): Promise<z.output<T>> {
    const what = `${method} ${path}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(new URL(path, this.options.baseUrl), {
        method,
        headers: {
          "x-api-key": this.options.apiKey,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      // Inside the timeout too: a body cut off half-way must not pass for an empty one.
      text = await response.text();
    } catch (error) {
      throw equosTransportError(error, what, this.options.timeoutMs);
    }

    if (!response.ok) throw equosStatusError(response.status, text, what);

    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success) throw equosBodyError(what, parsed.error);
    return parsed.data;
  }
}

function withQuery(path: string, query: Query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
