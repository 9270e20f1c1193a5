// LiveKit Agents watches each job process's event loop (a 20 ms heartbeat and a watchdog
// thread) from the moment the process is warm, so an idle pre-started process wakes 100 times a
// second to watch nothing: about 2 % of a core each. Ours watch only while a conversation runs.
import { telemetry } from "@livekit/agents";

// LiveKit Agents reads its thresholds from here when it starts watching; 0 turns it off.
const WARN_MS = "LIVEKIT_AGENTS_LOOP_BLOCK_WARN_MS";

let configured: string | undefined;

/** Called at the end of prewarm: the job process starts with no watcher while it waits. */
export function idleWithoutLoopMonitor(): void {
  configured = process.env[WARN_MS];
  process.env[WARN_MS] = "0";
}

/** Called when a job begins: watch the event loop as LiveKit Agents would have. */
export function startLoopMonitor(): void {
  if (configured === undefined) delete process.env[WARN_MS];
  else process.env[WARN_MS] = configured;
  telemetry.loopMonitor.startMonitoring({ name: "job" });
}
