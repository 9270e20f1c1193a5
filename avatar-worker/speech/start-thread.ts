import { Worker } from "node:worker_threads";

/** What a thread started by `startThread` finds in `workerData`. */
export interface ThreadData<T> {
  entry: string;
  data: T;
}

/** Starts the module at `entry` (a .ts or .js file URL) in a worker thread, handing it `data`. */
export function startThread<T>(entry: URL, data: T): Worker {
  const workerData: ThreadData<T> = { entry: entry.href, data };
  return new Worker(new URL("./thread-entry.mjs", import.meta.url), { workerData });
}
