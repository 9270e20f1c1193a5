import "server-only";

// The app's call of an operator tool for a conversation: arguments checked against the tool's
// schema, the host against TOOL_ALLOWED_HOSTS, then one HTTP request with the tool's timeout,
// no redirects followed, and at most RESPONSE_MAX_BYTES read. The answer goes back as text for
// the model, cut to TOOL_RESULT_MAX_CHARACTERS.
import { TOOL_RESULT_MAX_CHARACTERS, type ToolCallAnswer } from "@/lib/contract";
import type { OperatorTool } from "@/lib/generated/prisma/client";

import { hostProblem } from "./hosts";
import { checkedArguments } from "./json-schema";
import { fillTemplate, placeholders } from "./url-template";

/** The most of an API's answer read; the rest is not waited for. */
export const RESPONSE_MAX_BYTES = 64 * 1024;

/** "refused": the model's arguments do not fit (it may fix them); "failed": the API's part. */
export type ToolCallOutcome = "ok" | "failed" | "timeout" | "refused";

export interface ToolCallResult {
  outcome: ToolCallOutcome;
  /** The API's HTTP status, when it answered. */
  status: number | null;
  /** What the API answered (any status), when it answered with text. */
  answer?: ToolCallAnswer;
  /** Why there is no answer. */
  problem?: string;
}

type Tool = Pick<
  OperatorTool,
  "url" | "method" | "parameters" | "secretHeaderName" | "secretHeaderValue" | "timeoutMs"
>;

/** Calls `tool` with the model's `args`; never throws. */
export async function callTool(
  tool: Tool,
  args: unknown,
  allowedHosts: ReadonlySet<string>,
): Promise<ToolCallResult> {
  const checked = checkedArguments(tool.parameters as object, args);
  if ("problem" in checked) {
    return { outcome: "refused", status: null, problem: `Invalid arguments: ${checked.problem}.` };
  }
  const request = buildRequest(tool, checked.args);
  if ("problem" in request) return { outcome: "refused", status: null, problem: request.problem };
  // The operator's setting changed since the tool was declared: not the model's doing.
  const denied = hostProblem(request.url, allowedHosts);
  if (denied) return { outcome: "failed", status: null, problem: `The tool's url: ${denied}.` };

  const signal = AbortSignal.timeout(tool.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: tool.method,
      headers: request.headers,
      body: request.body,
      redirect: "manual",
      signal,
    });
    const status = response.status;
    if (status >= 300 && status < 400) {
      await response.body?.cancel();
      return {
        outcome: "failed",
        status,
        problem: `The API answered ${status}, a redirect (not followed).`,
      };
    }
    const type = response.headers.get("content-type") ?? "";
    if (type && !/^(text\/|application\/([\w.+-]*\+)?json)/i.test(type)) {
      await response.body?.cancel();
      return {
        outcome: "failed",
        status,
        problem: `The API answered with ${type.split(";")[0]}, not text.`,
      };
    }
    const { text, cut } = await readUpTo(response, RESPONSE_MAX_BYTES);
    const answer = asAnswer(status, text, cut, /json/i.test(type));
    return { outcome: response.ok ? "ok" : "failed", status, answer };
  } catch (error) {
    if (signal.aborted) {
      return {
        outcome: "timeout",
        status: null,
        problem: `The API did not answer within ${tool.timeoutMs} ms.`,
      };
    }
    return {
      outcome: "failed",
      status: null,
      problem: `The API could not be reached: ${reason(error)}.`,
    };
  }
}

interface BuiltRequest {
  url: URL;
  headers: Headers;
  body?: string;
}

/**
 * The request for these arguments: the ones named in the URL go there (url-template.ts); the
 * rest go in the query string (GET) or a JSON body (POST).
 */
function buildRequest(
  tool: Tool,
  args: Record<string, unknown>,
): BuiltRequest | { problem: string } {
  const filled = fillTemplate(tool.url, args);
  if ("problem" in filled) return { problem: `Invalid arguments: ${filled.problem}.` };
  const { url } = filled;
  const rest = { ...args };
  for (const key of placeholders(tool.url)) delete rest[key];
  const headers = new Headers({
    accept: "application/json, text/plain;q=0.9, text/*;q=0.8",
    "user-agent": "talk-to-jeremy-tools/1",
  });
  if (tool.secretHeaderName && tool.secretHeaderValue) {
    headers.set(tool.secretHeaderName, tool.secretHeaderValue);
  }
  if (tool.method === "GET") {
    for (const [key, value] of Object.entries(rest)) {
      url.searchParams.append(key, typeof value === "string" ? value : JSON.stringify(value));
    }
    return { url, headers };
  }
  headers.set("content-type", "application/json");
  return { url, headers, body: JSON.stringify(rest) };
}

async function readUpTo(
  response: Response,
  maxBytes: number,
): Promise<{ text: string; cut: boolean }> {
  if (!response.body) return { text: "", cut: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: Buffer.concat(chunks).toString("utf8"), cut: false };
    chunks.push(value);
    bytes += value.byteLength;
    if (bytes >= maxBytes) {
      await reader.cancel();
      return { text: Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8"), cut: true };
    }
  }
}

/** The answer as the model gets it: compact JSON when it is JSON, and never too long. */
function asAnswer(status: number, text: string, cut: boolean, json: boolean): ToolCallAnswer {
  let result = text.trim();
  if (json && !cut) {
    try {
      result = JSON.stringify(JSON.parse(result));
    } catch {
      // Not JSON after all: handed over as the text it is.
    }
  }
  const truncated = cut || result.length > TOOL_RESULT_MAX_CHARACTERS;
  return { status, result: result.slice(0, TOOL_RESULT_MAX_CHARACTERS), truncated };
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code;
  return error instanceof Error ? error.message : String(error);
}
