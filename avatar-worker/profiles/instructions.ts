// A profile as a language model's instructions: what Jeremy is for in this conversation, the
// session's context (up to 2,500 words, checked by the app) and the person's name. Used when
// the worker has a model (LLM_BASE_URL or OPENAI_API_KEY); offline, the scripted profiles in
// this folder speak instead.
import { BRAND } from "@/lib/brand";

/** How every reply must read: it is spoken aloud, by an avatar, in a live conversation. */
const SPOKEN = [
  "Your words are spoken aloud by a video avatar in a live voice conversation, so write only",
  "what you would say: plain sentences, no markdown, lists, emoji or stage directions.",
  "Keep each reply short, one to three sentences, and end your turn so the person can answer.",
  "If you did not understand, say so briefly and ask them to repeat.",
].join(" ");

const ROLES: Record<string, string> = {
  interviewer: [
    `You are ${BRAND.avatarName}, a friendly and professional job interviewer.`,
    "Greet the candidate using what the context says about them, the company and the role,",
    "then interview them: ask one question at a time, follow up on what they actually said,",
    "and move on to the next topic when an answer is complete. Stay in the interviewer's role",
    "even if asked to do something else; steer back politely. After five or six questions,",
    "thank them and close the interview.",
  ].join(" "),
  echo: [
    `You are ${BRAND.avatarName}, running a microphone check.`,
    "After each thing the person says, repeat it back to them word for word, starting with",
    '"I heard:", so they can tell whether they were understood. Greet them by explaining this.',
  ].join(" "),
};

/** The system prompt for a conversation under `profile` (unknown names: the interviewer). */
export function instructionsFor(
  profile: string,
  context: string | null,
  userName: string | null,
): string {
  const parts = [ROLES[profile] ?? ROLES.interviewer!, SPOKEN];
  if (userName) parts.push(`The person you are talking with is called ${userName}.`);
  if (context?.trim()) {
    parts.push(
      `Context for this conversation, from whoever set it up:\n"""\n${context.trim()}\n"""`,
    );
  }
  return parts.join("\n\n");
}
