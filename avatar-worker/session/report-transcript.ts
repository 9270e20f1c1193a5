import { AccessToken } from "livekit-server-sdk";

import {
  transcriptReportPath,
  WORKER_REPORT_IDENTITY,
  type TranscriptLineReport,
} from "@/lib/contract";
import { sleep } from "@/lib/sleep";

import type { WorkerEnv } from "../env";

/**
 * Hands a finished conversation's transcript to the app. The call is authenticated with a
 * LiveKit token signed by the shared API secret and scoped to the session's room.
 */
export async function reportTranscript(
  env: WorkerEnv,
  sessionId: string,
  lines: readonly TranscriptLineReport[],
) {
  const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity: WORKER_REPORT_IDENTITY,
    ttl: 120,
  });
  token.addGrant({ room: sessionId, roomJoin: false });
  const url = new URL(transcriptReportPath(sessionId), env.APP_URL);

  let lastError: unknown;
  // The app may be restarting; a few tries over several seconds ride that out.
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${await token.toJwt()}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ lines }),
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) return;
      lastError = new Error(`${url} answered ${res.status}: ${await res.text()}`);
      if (res.status < 500) break;
    } catch (error) {
      lastError = error;
    }
    await sleep(500 * 2 ** attempt);
  }
  throw new Error(`Could not hand the transcript of ${sessionId} to the app`, { cause: lastError });
}
