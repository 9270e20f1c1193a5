import "server-only";

import { env, sweepMode } from "@/lib/env";
import { singletons } from "@/lib/singletons";

import { runEvery } from "./interval";
import { sweepOnce } from "./sweep-once";

/**
 * Starts this process's sweeper (every SWEEP_INTERVAL_SECONDS, 0 = never) where SWEEP_MODE is
 * `timer`; serverless hosts sweep after requests instead (after-requests.ts). Once per process: several processes
 * may sweep at once, the session service's claims keep them from doing anything twice.
 */
export function startSweeper(intervalSeconds = env.SWEEP_INTERVAL_SECONDS): void {
  if (sweepMode !== "timer" || intervalSeconds === 0 || singletons.jeremySweeper) return;
  singletons.jeremySweeper = runEvery(intervalSeconds * 1000, () => sweepOnce());
}

/** Stops this process's sweeper, if it runs. */
export function stopSweeper(): void {
  singletons.jeremySweeper?.stop();
  singletons.jeremySweeper = undefined;
}
