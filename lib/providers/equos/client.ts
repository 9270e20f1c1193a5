import "server-only";

import type { z } from "zod";

import { isProviderError, ProviderError } from "@/lib/providers/errors";
import { retry } from "@/lib/retry";

import {
  createSessionResponseSchema,
  equosSessionSchema,
  listSessionsResponseSchema,
  type CreateSessionRequest,
} from "./api-types";

export interface EquosClientOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  /** Extra tries for idempotent reads; creating a session is never repeated. */
  readRetries?: number;
}

/** A small typed client for Equos API v1 sessions, over fetch. */
export class EquosClient {
  constructor(private readonly options: EquosClientOptions) {}

  createSession(body: CreateSessionRequest) {
    return this.call("POST", "/v1/sessions", createSessionResponseSchema, body);
  }

  /** Stops a session. The session service retries it; this makes one call. */
  stopSession(id: string) {
    return this.call(
      "PATCH",
      `/v1/sessions/${encodeURIComponent(id)}/stop`,
      equosSessionSchema,
      {},
    );
  }

  getSession(id: string) {
    return this.read(`/v1/sessions/${encodeURIComponent(id)}`, equosSessionSchema);
  }

  listSessions(query: { skip?: number; take?: number; client?: string } = {}) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) params.set(key, String(value));
    }
    return this.read(`/v1/sessions?${params}`, listSessionsResponseSchema);
  }

  private read<T extends z.ZodType>(path: string, schema: T) {
    return retry(() => this.call("GET", path, schema), {
      attempts: 1 + (this.options.readRetries ?? 2),
      baseDelayMs: 200,
      shouldRetry: (error) => isProviderError(error) && error.retryable,
    });
  }

  private async call<T extends z.ZodType>(
    method: string,
    path: string,
    schema: T,
    body?: unknown,
  ): Promise<z.output<T>> {
    const url = new URL(path, this.options.baseUrl);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          "x-api-key": this.options.apiKey,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw transportError(error, method, path, this.options.timeoutMs);
    }

    const text = await response.text().catch(() => "");
    if (!response.ok) throw statusError(response.status, text, method, path);

    const parsed = schema.safeParse(parseJson(text));
    if (!parsed.success) {
      throw new ProviderError("error", `Equos ${method} ${path} answered with an unexpected body`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function transportError(error: unknown, method: string, path: string, timeoutMs: number) {
  const name = error instanceof Error ? error.name : "";
  if (name === "TimeoutError" || name === "AbortError") {
    return new ProviderError(
      "timeout",
      `Equos ${method} ${path} did not answer within ${timeoutMs} ms`,
    );
  }
  return new ProviderError("unavailable", `Equos could not be reached (${method} ${path})`, {
    cause: error,
  });
}

function statusError(status: number, text: string, method: string, path: string) {
  const body = parseJson(text) as { message?: unknown; code?: unknown } | undefined;
  const vendorMessage = typeof body?.message === "string" ? body.message : text.slice(0, 200);
  const vendorCode = typeof body?.code === "string" ? body.code : "";
  const detail = `Equos ${method} ${path} failed with ${status}: ${vendorMessage}`;
  // A refusal (4xx other than a time-out or rate limit) did nothing at Equos.
  const refused = status >= 400 && status < 500 && status !== 408 && status !== 429;

  if (`${vendorCode} ${vendorMessage}`.includes("FREEMIUM_LIMIT")) {
    return new ProviderError("quota", detail, { refused });
  }
  if (status === 404) return new ProviderError("not_found", detail, { refused });
  if (status === 408 || status === 504) return new ProviderError("timeout", detail);
  if (status === 429 || status === 502 || status === 503)
    return new ProviderError("unavailable", detail);
  // A server error may pass; a refusal of the request (400, 401, 403, ...) will not.
  return new ProviderError("error", detail, { retryable: status >= 500, refused });
}
