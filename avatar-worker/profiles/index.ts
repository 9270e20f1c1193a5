import { createEcho } from "./echo";
import { createInterviewer } from "./interviewer";
import type { ConversationProfile } from "./profile";

/** The profile a job was dispatched with; unknown names fall back to the interviewer. */
export function createProfile(name: string, context: string | null): ConversationProfile {
  return name === "echo" ? createEcho() : createInterviewer(context);
}
