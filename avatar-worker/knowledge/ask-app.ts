// The app answers the avatar agent's knowledge searches (app/api/worker/sessions/[id]/knowledge):
// the session's own bases only, with a LiveKit token scoped to the session's room as the
// transcript reports use.
import { AccessToken } from "livekit-server-sdk";

import {
  knowledgeSearchPath,
  type KnowledgeSearchAnswer,
  WORKER_REPORT_IDENTITY,
} from "@/lib/contract";

import type { WorkerEnv } from "../env";

/** A search must answer within this, or the person hears that Jeremy couldn't look it up. */
export const SEARCH_TIMEOUT_MS = 5_000;
/** The largest answer read: the app sends at most 3 passages of 1,200 characters. */
const ANSWER_MAX_BYTES = 32 * 1024;

export type SearchKnowledge = (query: string) => Promise<KnowledgeSearchAnswer>;

/** A search function for one session's knowledge, through the app. */
export function askApp(
  env: Pick<WorkerEnv, "APP_URL" | "LIVEKIT_API_KEY" | "LIVEKIT_API_SECRET">,
  sessionId: string,
  timeoutMs = SEARCH_TIMEOUT_MS,
): SearchKnowledge {
  const url = new URL(knowledgeSearchPath(sessionId), env.APP_URL);
  return async (query) => {
    const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
      identity: WORKER_REPORT_IDENTITY,
      ttl: 60,
    });
    token.addGrant({ room: sessionId, roomJoin: false });
    const res = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await token.toJwt()}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await readUpTo(res, ANSWER_MAX_BYTES);
    if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
    return parseAnswer(body);
  };
}

async function readUpTo(res: Response, maxBytes: number): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw new Error(`the answer is over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
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
