// The stand-alone benchmark scripts (face-render, speech) print for a person; run by the
// runner, they also hand it their figures through a file it names. They run as their own
// process so that their CPU and timing figures share nothing with the runner's.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Benchmark } from "./benchmark";
import type { Figure } from "./figures";

const FIGURES_FILE_VARIABLE = "BENCH_FIGURES_FILE";

/** Called at the end of a stand-alone script: hands `figures` to the runner, if it ran it. */
export function saveFigures(figures: Figure[]): void {
  const file = process.env[FIGURES_FILE_VARIABLE];
  if (file) writeFileSync(file, JSON.stringify(figures));
}

/**
 * A benchmark that runs `script` (a path under bench/) in a process of its own, killed if it
 * runs past `deadlineSeconds`.
 */
export function scriptBenchmark(
  name: string,
  title: string,
  script: string,
  deadlineSeconds: number,
): Benchmark {
  return {
    name,
    title,
    deadlineSeconds,
    async run() {
      const dir = mkdtempSync(path.join(os.tmpdir(), "bench-"));
      const file = path.join(dir, "figures.json");
      try {
        const code = await new Promise<number | null>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", script], {
            stdio: "inherit",
            env: { ...process.env, [FIGURES_FILE_VARIABLE]: file },
            // A little under the runner's deadline, so the child is gone when it gives up.
            timeout: (deadlineSeconds - 5) * 1000,
          });
          child.on("error", reject);
          child.on("exit", resolve);
        });
        if (code !== 0) throw new Error(`${script} exited with ${code}`);
        return { figures: JSON.parse(readFileSync(file, "utf8")) as Figure[], notes: [] };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
