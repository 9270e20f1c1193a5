// The app makes the avatar agent's operator-tool calls (app/api/worker/sessions/[id]/tools/[name]):
// it holds the tools' secret headers and the host allowlist, and counts the conversation's calls.
import { toolCallPath, type ToolCallAnswer } from "@/lib/contract";

import { type AppEnv, postToApp } from "../session/post-to-app";

/** A tool's own timeout is at most 10 s in the app; this leaves room for the app's part. */
export const TOOL_CALL_TIMEOUT_MS = 12_000;
/** The largest answer read: the app sends at most 4,000 characters of a tool's answer. */
const ANSWER_MAX_BYTES = 32 * 1024;

export type CallTool = (name: string, args: Record<string, unknown>) => Promise<ToolCallAnswer>;

/** The conversation's tool calls are spent (a resumed conversation's count goes on in the app). */
export class NoCallsLeft extends Error {
  override name = "NoCallsLeft";
}

/** The app refused the model's arguments (they do not fit the tool's schema): the model may fix them. */
export class RefusedArguments extends Error {
  override name = "RefusedArguments";
}

/** A call function for one session's operator tools, through the app. */
export function callThroughApp(
  env: AppEnv,
  sessionId: string,
  timeoutMs = TOOL_CALL_TIMEOUT_MS,
): CallTool {
  return async (name, args) => {
    const path = toolCallPath(sessionId, name);
    const { status, text } = await postToApp(
      env,
      sessionId,
      path,
      { arguments: args },
      {
        timeoutMs,
        maxBytes: ANSWER_MAX_BYTES,
      },
    );
    if (status === 400) throw new RefusedArguments(errorMessage(text));
    if (status === 429) throw new NoCallsLeft(errorMessage(text));
    if (status < 200 || status >= 300) {
      throw new Error(`${path} answered ${status}: ${text.slice(0, 300)}`);
    }
    const answer = JSON.parse(text) as Partial<ToolCallAnswer>;
    if (typeof answer.status !== "number" || typeof answer.result !== "string") {
      throw new Error(`${path} answered with no status or result`);
    }
    return { status: answer.status, result: answer.result, truncated: answer.truncated === true };
  };
}

function errorMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === "string") return message.slice(0, 500);
  } catch {
    // not the app's error shape
  }
  return "The arguments were refused.";
}
