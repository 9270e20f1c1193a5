// What `npm run dev` starts, decided from the environment alone: the local avatar needs a LiveKit
// server (unless LIVEKIT_URL names one) and the Jeremy worker; a provider that brings its own
// avatar (Equos) needs neither: it hosts the rooms, or joins those on LIVEKIT_URL.
import { existsSync } from "node:fs";

export const WORKER_ENTRY = "avatar-worker/main.ts";

/**
 * Resolves { livekit: boolean, worker: boolean, notes: string[] }: whether to start a local
 * LiveKit server and the Jeremy worker, and what to tell the developer about it.
 */
export function devPlan(env, hasWorker = existsSync(WORKER_ENTRY)) {
  const provider = env.AVATAR_PROVIDER || "local";
  const notes = [];
  if (provider !== "local") {
    notes.push(
      `AVATAR_PROVIDER=${provider}: the provider brings the avatar, so no Jeremy worker is started` +
        (env.LIVEKIT_URL ? `; rooms are on ${env.LIVEKIT_URL}.` : ", and it hosts the rooms."),
    );
    return { livekit: false, worker: false, notes };
  }
  if (!hasWorker) {
    throw new Error(
      `AVATAR_PROVIDER=local needs the Jeremy worker (${WORKER_ENTRY}), which is not in this ` +
        "checkout. Set AVATAR_PROVIDER=equos (see README, Providers).",
    );
  }
  if (env.LIVEKIT_URL) {
    notes.push(
      `Using the LiveKit deployment at ${env.LIVEKIT_URL}; no local LiveKit server started.`,
    );
  }
  return { livekit: !env.LIVEKIT_URL, worker: true, notes };
}
