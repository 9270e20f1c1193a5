import { AccessToken } from "livekit-server-sdk";

import {
  TRANSCRIPT_BATCH_MAX_LINES,
  TRANSCRIPT_BODY_MAX_BYTES,
  transcriptReportPath,
  WORKER_REPORT_IDENTITY,
  type TranscriptLineReport,
  type TranscriptReportAnswer,
} from "@/lib/contract";
import { sleep } from "@/lib/sleep";

import type { WorkerEnv } from "../env";

/** What one hand-over did: how many of the lines the app now has or refused for good. */
export interface HandOver {
  /** The first `handed` lines need never be sent again (kept, or refused with a reason). */
  handed: number;
  /** Why the rest were not handed over (the app unreachable); they are sent again later. */
  error?: unknown;
}

/**
 * Hands transcript lines to the app, in batches that fit its body limit. The call is
 * authenticated with a LiveKit token signed by the shared API secret and scoped to the session's
 * room. A batch the app refuses (a 4xx: it will never take it) counts as handed over, so it
 * never holds back the lines after it.
 */
export async function reportTranscript(
  env: WorkerEnv,
  sessionId: string,
  lines: readonly TranscriptLineReport[],
  log: (message: string) => void = console.warn,
): Promise<HandOver> {
  const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity: WORKER_REPORT_IDENTITY,
    ttl: 120,
  });
  token.addGrant({ room: sessionId, roomJoin: false });
  const url = new URL(transcriptReportPath(sessionId), env.APP_URL);
  const authorization = `Bearer ${await token.toJwt()}`;

  let handed = 0;
  for (const batch of transcriptBatches(lines)) {
    try {
      const answer = await postBatch(url, authorization, batch);
      if (answer.refused.length > 0) {
        log(`the app refused ${answer.refused.length} transcript line(s): ${describe(answer)}`);
      }
    } catch (error) {
      if (!(error instanceof RefusedBatch)) return { handed, error };
      log(String(error)); // sending it again would be refused again
    }
    handed += batch.length;
  }
  return { handed };
}

/** Splits lines into consecutive batches whose bodies each fit the app's limit. */
export function transcriptBatches(
  lines: readonly TranscriptLineReport[],
  maxBytes = TRANSCRIPT_BODY_MAX_BYTES,
): TranscriptLineReport[][] {
  // Headroom for the wrapper ({"lines":[...]}) and the separators.
  const budget = maxBytes - 64;
  const batches: TranscriptLineReport[][] = [];
  let batch: TranscriptLineReport[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(JSON.stringify(line)) + 1;
    if (batch.length > 0 && (bytes + size > budget || batch.length >= TRANSCRIPT_BATCH_MAX_LINES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(line);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The app answered a batch with a 4xx: it will not take it however often it is sent. */
class RefusedBatch extends Error {}

async function postBatch(
  url: URL,
  authorization: string,
  lines: TranscriptLineReport[],
): Promise<TranscriptReportAnswer> {
  let lastError: unknown;
  // The app may be restarting; a few tries over several seconds ride that out.
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ lines }),
        signal: AbortSignal.timeout(5000),
      });
      if (res.ok) return (await res.json()) as TranscriptReportAnswer;
      const message = `${url} answered ${res.status} to ${lines.length} line(s): ${await res.text()}`;
      if (res.status < 500 && res.status !== 429) throw new RefusedBatch(message);
      lastError = new Error(message);
    } catch (error) {
      if (error instanceof RefusedBatch) throw error;
      lastError = error;
    }
    await sleep(500 * 2 ** attempt);
  }
  throw new Error(`Could not hand transcript lines to the app`, { cause: lastError });
}

function describe(answer: TranscriptReportAnswer): string {
  return answer.refused.map(({ index, reason }) => `#${index} ${reason}`).join("; ");
}
