// A request from the avatar agent to the app about its own session (a knowledge search, a tool
// call): a LiveKit token scoped to the session's room, as the transcript reports use, a
// deadline, and an answer read up to a size.
import { AccessToken } from "livekit-server-sdk";

import { WORKER_REPORT_IDENTITY } from "@/lib/contract";

import type { WorkerEnv } from "../env";

export type AppEnv = Pick<WorkerEnv, "APP_URL" | "LIVEKIT_API_KEY" | "LIVEKIT_API_SECRET">;

export interface AppAnswer {
  status: number;
  /** The answer's body, as text. */
  text: string;
}

/** POSTs `body` as JSON to `path` for `sessionId`; throws on a timeout or an oversized answer. */
export async function postToApp(
  env: AppEnv,
  sessionId: string,
  path: string,
  body: unknown,
  limits: { timeoutMs: number; maxBytes: number },
): Promise<AppAnswer> {
  const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity: WORKER_REPORT_IDENTITY,
    ttl: 60,
  });
  token.addGrant({ room: sessionId, roomJoin: false });
  const res = await fetch(new URL(path, env.APP_URL), {
    method: "POST",
    headers: {
      authorization: `Bearer ${await token.toJwt()}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(limits.timeoutMs),
  });
  return { status: res.status, text: await readUpTo(res, limits.maxBytes) };
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
