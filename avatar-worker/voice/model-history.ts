// What the language model is sent of the conversation: its instructions whole (ours, with the
// session's context, which the app bounds), then only the newest messages, none longer than a
// turn may be, and of the person's words no more than one turn's worth in all. Without this, every call would carry the whole conversation so far, and one
// huge turn would be paid for again with every later call.
import { llm } from "@livekit/agents";

import { cutText, HISTORY_MAX_MESSAGES, HISTORY_MAX_TEXT, TURN_MAX_CHARS } from "./limits";

export interface HistoryLimits {
  messages: number;
  /** Characters of the messages kept, together. */
  text: number;
  /** Characters of any one message. */
  message: number;
  /** Characters of the person's messages kept, together. */
  userText: number;
}

const LIMITS: HistoryLimits = {
  messages: HISTORY_MAX_MESSAGES,
  text: HISTORY_MAX_TEXT,
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
  let userText = 0;
  let full = false;
  for (const item of [...chatCtx.items].reverse()) {
    if (item.type === "message" && (item.role === "system" || item.role === "developer")) {
      kept.push(item);
      continue;
    }
    if (full) continue;
    if (item.type === "function_call_output") {
      // A tool's answer counts against the text kept; once it does not fit, neither does the
      // call that asked for it (older, so skipped with everything else from here on).
      if (text + item.output.length > limits.text) {
        full = true;
        continue;
      }
      text += item.output.length;
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
  return new llm.ChatContext(kept.reverse());
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
