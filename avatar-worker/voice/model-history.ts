// What the language model is sent of the conversation: its instructions whole (ours, with the
// session's context, which the app bounds), then only the newest messages, none longer than a
// turn may be, and of the person's words no more than one turn's worth in all. Without this, every call would carry the whole conversation so far, and one
// huge turn would be paid for again with every later call.
import { llm } from "@livekit/agents";

import {
  cutText,
  HISTORY_MAX_MESSAGES,
  HISTORY_MAX_TEXT,
  TOOL_HISTORY_MAX_TEXT,
  TURN_MAX_CHARS,
} from "./limits";

export interface HistoryLimits {
  messages: number;
  /** Characters of the messages kept, together. */
  text: number;
  /** Characters of the tools' answers kept, together (newest first; see ../knowledge/). */
  toolText: number;
  /** Characters of any one message. */
  message: number;
  /** Characters of the person's messages kept, together. */
  userText: number;
}

const LIMITS: HistoryLimits = {
  messages: HISTORY_MAX_MESSAGES,
  text: HISTORY_MAX_TEXT,
  toolText: TOOL_HISTORY_MAX_TEXT,
  message: TURN_MAX_CHARS,
  userText: TURN_MAX_CHARS,
};

/** A bounded copy of `chatCtx` for one model call; `chatCtx` itself is left as it is. */
export function modelHistory(
  chatCtx: llm.ChatContext,
  limits: HistoryLimits = LIMITS,
): llm.ChatContext {
  const kept: llm.ChatItem[] = [];
  let messages = 0;
  let text = 0;
  let toolText = 0;
  let userText = 0;
  let full = false;
  for (const item of [...chatCtx.items].reverse()) {
    if (item.type === "message" && (item.role === "system" || item.role === "developer")) {
      kept.push(item);
      continue;
    }
    if (full) continue;
    if (item.type === "function_call_output") {
      // The tools' answers have a budget of their own, newest first: one that does not fit is
      // left out (and its call with it, below), and the conversation's messages go on.
      if (toolText + item.output.length > limits.toolText) continue;
      toolText += item.output.length;
    }
    if (item.type !== "message") {
      kept.push(item);
      continue;
    }
    const message = cutMessage(item, limits.message);
    const size = message.textContent?.length ?? 0;
    const userSize = message.role === "user" ? size : 0;
    if (
      messages + 1 > limits.messages ||
      text + size > limits.text ||
      userText + userSize > limits.userText
    ) {
      full = true;
      continue;
    }
    kept.push(message);
    messages += 1;
    text += size;
    userText += userSize;
  }
  return new llm.ChatContext(pairedTools(kept.reverse()));
}

/**
 * The items without a tool's call whose answer was left out, or an answer whose call was: the
 * model is sent each call with its answer, or neither (OpenAI refuses a lone one, and LiveKit
 * Agents drops a lone answer, and with it what the model needed).
 */
function pairedTools(items: llm.ChatItem[]): llm.ChatItem[] {
  const calls = new Set<string>();
  const answers = new Set<string>();
  for (const item of items) {
    if (item.type === "function_call") calls.add(item.callId);
    if (item.type === "function_call_output") answers.add(item.callId);
  }
  return items.filter(
    (item) =>
      (item.type !== "function_call" || answers.has(item.callId)) &&
      (item.type !== "function_call_output" || calls.has(item.callId)),
  );
}

/** `message`, or a copy of it holding only its first `max` characters of text. */
function cutMessage(message: llm.ChatMessage, max: number): llm.ChatMessage {
  const whole = message.textContent ?? "";
  if (whole.length <= max) return message;
  return llm.ChatMessage.create({
    id: message.id,
    role: message.role,
    content: [cutText(whole, max)],
    interrupted: message.interrupted,
    createdAt: message.createdAt,
  });
}
