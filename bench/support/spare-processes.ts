// A worker runs each conversation in a job process of its own and keeps spare ones warm: after
// each start it boots a replacement (a few CPU-seconds of loading code and the voice). That is
// a cost per start, not per minute of talking, so a window of measurement opens once the spares
// are quiet (or after MAX_SETTLE_MS).
import { sleep } from "@/lib/sleep";

import { treeCpu } from "./process-cpu";

const SPARES_QUIET_PERCENT = 5;
const MAX_SETTLE_MS = 20_000;

/** CPU-seconds over `wall` seconds, as % of one core. */
export const percent = (seconds: number, wall: number) => (seconds / wall) * 100;

/** Where a tree's CPU went: the worker itself, the N busiest (conversation) processes, the rest. */
export function byProcess(
  workerPid: number,
  used: Map<number, number>,
  sessions: number,
  wall: number,
) {
  const children = [...used].filter(([pid]) => pid !== workerPid).sort((a, b) => b[1] - a[1]);
  const conversations = children.slice(0, sessions);
  return {
    main: percent(used.get(workerPid) ?? 0, wall),
    conversations: conversations.map(([, s]) => percent(s, wall)),
    conversationPids: conversations.map(([pid]) => pid),
    idle: percent(
      children.slice(sessions).reduce((sum, [, s]) => sum + s, 0),
      wall,
    ),
  };
}

/** Resolves once the worker's processes beyond its `sessions` busiest are quiet. */
export async function sparesQuiet(workerPid: number, sessions: number): Promise<void> {
  const deadline = performance.now() + MAX_SETTLE_MS;
  while (performance.now() < deadline) {
    const before = treeCpu(workerPid);
    await sleep(2_000);
    const used = new Map(
      [...treeCpu(workerPid)].map(([pid, s]) => [pid, s - (before.get(pid) ?? 0)]),
    );
    if (byProcess(workerPid, used, sessions, 2).idle < SPARES_QUIET_PERCENT) return;
  }
}
