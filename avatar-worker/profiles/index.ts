import { createEcho } from "./echo";
import { createInterviewer } from "./interviewer";
import type { ConversationProfile } from "./profile";

/**
 * The profile a job was dispatched with; unknown names fall back to the interviewer. `topics`:
 * what the conversation's knowledge bases are about (the interviewer asks about them).
 */
export function createProfile(
  name: string,
  context: string | null,
  topics: readonly string[] = [],
): ConversationProfile {
  return name === "echo" ? createEcho() : createInterviewer(context, topics);
}
