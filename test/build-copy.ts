// Builds the app for production in a throwaway copy of the project, so that a test can inspect
// a real build without touching this checkout's .next (the end-to-end suite's build),
// tsconfig.json or next-env.d.ts, which `next build` rewrites.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { stopProcess } from "@/scripts/lib/processes.mjs";

import { serving } from "./serving";

// Build output, local data and tools: none of it is source.
const SKIP = new Set([
  ".git",
  ".next",
  ".data",
  ".bin",
  "node_modules",
  "test-results",
  "playwright-report",
]);

/**
 * Copies the project, hard-linking node_modules (fast, and nothing is written to it). Hard links
 * need one filesystem: when the temporary folder is on another, the copy goes beside the project.
 */
export function copyProject(root: string): string {
  for (const parent of [tmpdir(), path.dirname(root)]) {
    const copy = mkdtempSync(path.join(parent, ".jeremy-build-"));
    try {
      execFileSync(
        "cp",
        ["-al", path.join(root, "node_modules"), path.join(copy, "node_modules")],
        {
          stdio: "ignore",
        },
      );
    } catch {
      removeCopy(copy);
      continue;
    }
    cpSync(root, copy, {
      recursive: true,
      filter: (source) => {
        const relative = path.relative(root, source);
        return relative === "" || !SKIP.has(relative.split(path.sep)[0]!);
      },
    });
    return copy;
  }
  throw new Error("Could not hard-link node_modules into a copy of the project");
}

/**
 * Wraps the copy's next.config.mjs so that the build skips type checking: that is
 * `npm run typecheck`'s job, and a half-edited file elsewhere must not stop a build whose output
 * is what the test is about.
 */
export function skipTypeCheck(dir: string) {
  renameSync(path.join(dir, "next.config.mjs"), path.join(dir, "next.config.project.mjs"));
  writeFileSync(
    path.join(dir, "next.config.mjs"),
    `import config from "./next.config.project.mjs";\n` +
      `export default { ...config, typescript: { ...config.typescript, ignoreBuildErrors: true } };\n`,
  );
}

/** Runs `next build` in `dir` with exactly `env` (plus PATH and HOME); rejects with its log. */
export function nextBuild(
  dir: string,
  env: Record<string, string> & { NODE_ENV: "production" },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(log) : reject(new Error(`next build failed (${code}):\n${log}`)),
    );
  });
}

export function removeCopy(dir: string) {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs `next start` on the build in `dir`; resolves once it answers, with a way to stop it. */
export async function nextStart(
  dir: string,
  port: number,
  env: Record<string, string> & { NODE_ENV: "production" },
) {
  const child: ChildProcess = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await serving(child, url);
  return { url, stop: () => stopProcess(child) };
}
