// What one conversation may cost, bounded in the worker: a participant holding the session's
// token is not trusted (the page's own user, with a script, can send anything on lk.chat).
// The model's completion cap and call rate are configured (LLM_MAX_TOKENS,
// LLM_MAX_CALLS_PER_MINUTE in ../env.ts); these are fixed.
import { MAX_TYPED_TURN_CHARACTERS } from "@/lib/contract";
import { HISTORY_MAX_CHARS } from "@/lib/providers/history";

/** The longest turn the model sees, typed or transcribed: the page's own form limit. */
export const TURN_MAX_CHARS = MAX_TYPED_TURN_CHARACTERS;

/** Of a longer utterance, only the first 30 s go to the transcription endpoint (billed by the minute). */
export const UTTERANCE_MAX_MS = 30_000;

/** The longest reply synthesized, in characters (LLM_MAX_TOKENS keeps replies well inside it). */
export const REPLY_MAX_CHARS = 2_000;

/**
 * The conversation the model is sent besides its instructions: the newest messages, at most this
 * many and this many characters (as much as a resumed conversation is given, lib/providers/history.ts).
 */
export const HISTORY_MAX_MESSAGES = 24;
export const HISTORY_MAX_TEXT = HISTORY_MAX_CHARS;
/** Of the tools' answers (knowledge searches), the newest this many characters: about two. */
export const TOOL_HISTORY_MAX_TEXT = 8_000;

/** `text` cut to at most `max` characters (never splitting a surrogate pair). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}
