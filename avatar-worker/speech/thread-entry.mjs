// Worker threads do not inherit a TypeScript loader (neither tsx's nor Vitest's), so when the
// worker runs from source this plain-JS entry registers tsx before loading the real module.
import { workerData } from "node:worker_threads";

if (workerData.entry.endsWith(".ts")) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
