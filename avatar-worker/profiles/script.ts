// The offline demo's script, read by the scripted model (../voice/scripted-llm.ts): what Jeremy
// says next, from the profile and the turns the person has taken so far. Replayed from the start
// on every call, so an answer asked for twice (a retry, an interrupted reply) is the same answer.
import { llm } from "@livekit/agents";

import type { JeremyJobMetadata } from "@/lib/providers/local/worker-contract";
import type { HistoryLine } from "@/lib/providers/types";

import { userTurns } from "../voice/scripted-llm";

import { createProfile } from "./index";
import type { JeremyAction } from "./profile";

/** A spoken turn nobody transcribed, as the offline recognizer writes it. */
const UNTRANSCRIBED = /^\(spoken, \d+\.\d s\)$/;

/** What Jeremy opens a job with: the greeting, or a welcome back when the session resumes. */
export function openingLines(meta: JeremyJobMetadata): string[] {
  const topics = meta.knowledge?.topics;
  return meta.resumed
    ? welcomeBack(meta.profile, meta.context, meta.resumed.history, topics)
    : greeting(meta.profile, meta.context, topics);
}

/** Jeremy's opening lines, each its own caption. */
export function greeting(profile: string, context: string | null, topics?: string[]): string[] {
  return spoken(createProfile(profile, context, topics).greet());
}

/**
 * What Jeremy says after the person's latest turn; null when there is nothing to say. `topics`:
 * what the conversation's knowledge bases are about, which the interviewer asks about too.
 */
export function nextLine(profile: string, context: string | null, topics?: string[]) {
  return (chatCtx: llm.ChatContext): string | null => {
    const script = createProfile(profile, context, topics);
    script.greet();
    let actions: JeremyAction[] = [];
    for (const text of userTurns(chatCtx)) {
      actions = script.reply(UNTRANSCRIBED.test(text) ? {} : { text });
    }
    return spoken(actions).join(" ") || null;
  };
}

/**
 * Jeremy's first words when a paused conversation resumes: a welcome back, then the line he was
 * waiting on an answer to (the question last asked), so the script carries on where it was.
 */
export function welcomeBack(
  profile: string,
  context: string | null,
  history: readonly HistoryLine[],
  topics?: string[],
): string[] {
  const chatCtx = llm.ChatContext.empty();
  for (const line of history) chatCtx.addMessage({ role: line.role, content: line.text });
  const pending =
    userTurns(chatCtx).length > 0 ? nextLine(profile, context, topics)(chatCtx) : null;
  return [
    "Welcome back! Let's carry on where we were.",
    pending ?? greeting(profile, context, topics).at(-1) ?? "",
  ].filter((line) => line.length > 0);
}

function spoken(actions: JeremyAction[]): string[] {
  return actions.flatMap((action) => (action.kind === "say" ? [action.text] : []));
}
