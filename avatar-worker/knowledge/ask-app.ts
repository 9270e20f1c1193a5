// The app answers the avatar agent's knowledge searches (app/api/worker/sessions/[id]/knowledge):
// the session's own bases only, with a LiveKit token scoped to the session's room as the
// transcript reports use.
import { knowledgeSearchPath, type KnowledgeSearchAnswer } from "@/lib/contract";

import { type AppEnv, postToApp } from "../session/post-to-app";

/** A search must answer within this, or the person hears that Jeremy couldn't look it up. */
export const SEARCH_TIMEOUT_MS = 5_000;
/** The largest answer read: the app sends at most 3 passages of 1,200 characters. */
const ANSWER_MAX_BYTES = 32 * 1024;

export type SearchKnowledge = (query: string) => Promise<KnowledgeSearchAnswer>;

/** A search function for one session's knowledge, through the app. */
export function askApp(
  env: AppEnv,
  sessionId: string,
  timeoutMs = SEARCH_TIMEOUT_MS,
): SearchKnowledge {
  const path = knowledgeSearchPath(sessionId);
  return async (query) => {
    const { status, text } = await postToApp(
      env,
      sessionId,
      path,
      { query },
      {
        timeoutMs,
        maxBytes: ANSWER_MAX_BYTES,
      },
    );
    if (status < 200 || status >= 300) {
      throw new Error(`${path} answered ${status}: ${text.slice(0, 200)}`);
    }
    return parseAnswer(text);
  };
}

function parseAnswer(body: string): KnowledgeSearchAnswer {
  const parsed = JSON.parse(body) as { passages?: unknown };
  if (!Array.isArray(parsed.passages)) throw new Error("the answer has no passages");
  return {
    passages: parsed.passages.map((passage: unknown) => {
      const { text, heading, source } = (passage ?? {}) as Record<string, unknown>;
      if (typeof text !== "string" || typeof source !== "string") {
        throw new Error("a passage has no text or source");
      }
      return { text, heading: typeof heading === "string" ? heading : null, source };
    }),
  };
}
