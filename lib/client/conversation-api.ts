// The session API calls only a conversation in progress makes (pause, resume, its transcript):
// kept apart from session-api.ts so that they load with the conversation, not the landing page.
import { sleep } from "@/lib/sleep";

import { call, sessionPath, type SessionView, type StartedSession } from "./session-api";

/**
 * Pauses a conversation (its avatar leaves, billing stops) and waits until the server says it
 * is paused; the server finishes a pause it has begun even if this page goes away.
 */
export async function pauseSession(id: string): Promise<SessionView> {
  for (let attempt = 1; ; attempt++) {
    const { session } = await call<{ session: SessionView }>("POST", sessionPath(id, "pause"));
    if (session.status === "PAUSED") return session;
    await sleep(Math.min(5000, 250 * 2 ** attempt));
  }
}

/** The owner's view of a session. */
export async function fetchSession(id: string): Promise<SessionView> {
  return (await call<{ session: SessionView }>("GET", `/api/sessions/${encodeURIComponent(id)}`))
    .session;
}

/** Resumes a paused conversation with a new avatar session; answers like a start. */
export function resumeSession(id: string): Promise<StartedSession> {
  return call<StartedSession>("POST", sessionPath(id, "resume"));
}

export interface TranscriptLine {
  role: "user" | "assistant";
  text: string;
  at: string;
}

/** What was said in the conversation, in order. */
export async function fetchTranscript(id: string): Promise<TranscriptLine[]> {
  return (await call<{ lines: TranscriptLine[] }>("GET", sessionPath(id, "transcript"))).lines;
}
