// What the worker says about each conversation when it ends (avatar-worker/session/
// jeremy-session.ts logs "[jeremy <id>] ended: {...}"): the sender's side of the frame rate.
import { readFileSync } from "node:fs";
import path from "node:path";

import { STACK } from "@/e2e/support/stack";
import { sleep } from "@/lib/sleep";

export interface SessionReport {
  framesSent: number;
  fps: number;
  meanFrameCostMs: number;
  cpuMs: number;
  /** When the job began, the room was joined and the first frame sent (ms since the epoch). */
  timeline?: { jobAt: number; claimedAt?: number; connectedAt: number; firstFrameAt: number };
}

/** The worker's end-of-session report for each of `sessionIds` that logged one in time. */
export async function sessionReports(sessionIds: string[], timeoutMs = 10_000) {
  const reports = new Map<string, SessionReport>();
  const deadline = Date.now() + timeoutMs;
  while (reports.size < sessionIds.length && Date.now() < deadline) {
    const log = readFileSync(path.join(STACK.logDir, "worker.log"), "utf8");
    for (const id of sessionIds) {
      const line = new RegExp(`\\[jeremy ${id}\\] ended: (\\{.*\\})`).exec(log);
      if (line?.[1]) reports.set(id, JSON.parse(line[1]) as SessionReport);
    }
    if (reports.size < sessionIds.length) await sleep(250);
  }
  return reports;
}
