// The offline demo's script, read by the scripted model (../voice/scripted-llm.ts): what Jeremy
// says next, from the profile and the turns the person has taken so far. Replayed from the start
// on every call, so an answer asked for twice (a retry, an interrupted reply) is the same answer.
import type { llm } from "@livekit/agents";

import { userTurns } from "../voice/scripted-llm";

import { createProfile } from "./index";
import type { JeremyAction } from "./profile";

/** A spoken turn nobody transcribed, as the offline recognizer writes it. */
const UNTRANSCRIBED = /^\(spoken, \d+\.\d s\)$/;

/** Jeremy's opening lines, each its own caption. */
export function greeting(profile: string, context: string | null): string[] {
  return spoken(createProfile(profile, context).greet());
}

/** What Jeremy says after the person's latest turn; null when there is nothing to say. */
export function nextLine(profile: string, context: string | null) {
  return (chatCtx: llm.ChatContext): string | null => {
    const script = createProfile(profile, context);
    script.greet();
    let actions: JeremyAction[] = [];
    for (const text of userTurns(chatCtx)) {
      actions = script.reply(UNTRANSCRIBED.test(text) ? {} : { text });
    }
    return spoken(actions).join(" ") || null;
  };
}

function spoken(actions: JeremyAction[]): string[] {
  return actions.flatMap((action) => (action.kind === "say" ? [action.text] : []));
}
