import { AccessToken } from "livekit-server-sdk";

import { avatarJobPath, type AvatarJobClaim, WORKER_REPORT_IDENTITY } from "@/lib/contract";
import { sleep } from "@/lib/sleep";

import type { WorkerEnv } from "../env";

/**
 * How long Jeremy waits for the app's answer before joining anyway: well inside the page's wait
 * for him (20 s), and long enough for `npm run dev` to compile the route on its first call.
 */
const CLAIM_BUDGET_MS = 8000;

/** `mine`: join the room. `taken`: another Jeremy has it, or the session wants none; leave. */
export type RoomClaim = { outcome: "mine" } | { outcome: "taken"; why: string };

/**
 * Asks the app for the session's room before joining it (app/api/worker/sessions/[id]/avatar-job):
 * LiveKit dispatches a room again when the node hosting it dies or this worker misses its pings,
 * and only the first job may have it. An app that cannot be reached does not keep Jeremy out of
 * a conversation: once `budgetMs` has passed the room counts as this job's, and the log says so.
 */
export async function claimRoom(
  env: WorkerEnv,
  sessionId: string,
  claim: AvatarJobClaim,
  log: (message: string) => void = console.warn,
  budgetMs = CLAIM_BUDGET_MS,
): Promise<RoomClaim> {
  const token = new AccessToken(env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET, {
    identity: WORKER_REPORT_IDENTITY,
    ttl: 60,
  });
  token.addGrant({ room: sessionId, roomJoin: false });
  const authorization = `Bearer ${await token.toJwt()}`;
  const url = new URL(avatarJobPath(sessionId), env.APP_URL);
  const deadline = Date.now() + budgetMs;
  let problem = "";
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      const pause = 250 * 2 ** attempt;
      // No time left for another answer: stop asking.
      if (deadline - Date.now() < pause + 100) break;
      await sleep(pause);
    }
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify(claim),
        // Under `npm run dev` the app compiles the route on its first call.
        signal: AbortSignal.timeout(Math.max(deadline - Date.now(), 1)),
      });
      if (res.ok) return { outcome: "mine" };
      const answer = await res.text();
      if (res.status === 409) return { outcome: "taken", why: errorMessage(answer) };
      problem = `${url} answered ${res.status}: ${answer.slice(0, 200)}`;
      // Any other refusal will not change on asking again.
      if (res.status < 500 && res.status !== 429) break;
    } catch (error) {
      problem = `${url}: ${String(error)}`;
    }
  }
  log(`could not claim the room (${problem}); joining it anyway`);
  return { outcome: "mine" };
}

function errorMessage(body: string): string {
  try {
    return (JSON.parse(body) as { error: { message: string } }).error.message;
  } catch {
    return body.slice(0, 200);
  }
}
