// The one process toolkit of scripts, the end-to-end stack and tests: start a server, wait until
// it answers over HTTP, stop it (SIGTERM, then SIGKILL). And for `npm run dev`, several
// long-lived processes run as one: each line of output is prefixed with its name, and when one
// exits, or on Ctrl-C, all of them are stopped (their whole process groups).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";

const colors = [36, 35, 33, 32, 34];

/** Starts a process in its own group with prefixed output; resolves the child. */
export function startProcess({ name, command, args = [], env = {}, index = 0 }) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = `\x1b[${colors[index % colors.length]}m[${name}]\x1b[0m `;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on("line", (line) =>
      process.stdout.write(`${prefix}${line}\n`),
    );
  }
  child.name = name;
  return child;
}

/**
 * Sends `signal` to a child: to its whole process group when it leads one (started with
 * `detached: true`), else to the child alone.
 */
export function signalProcess(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Stops a child: `signal` (SIGTERM unless given), then SIGKILL if it has not gone within
 * `graceMs` (a server draining its connections). Resolves once it has exited.
 * @param {import("node:child_process").ChildProcess | undefined} child
 * @param {{ signal?: NodeJS.Signals, graceMs?: number }} [options]
 * @returns {Promise<void>}
 */
export function stopProcess(child, { signal = "SIGTERM", graceMs = 5000 } = {}) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalProcess(child, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    signalProcess(child, signal);
  });
}

/**
 * A set of processes that live and die together: when one exits, or on Ctrl-C, all are stopped
 * and this process exits.
 */
export function createProcessGroup() {
  const children = [];
  let stopping = false;
  const stopAll = async (code, why) => {
    if (stopping) return;
    stopping = true;
    if (why) console.log(why);
    await Promise.all(children.map((child) => stopProcess(child)));
    process.exit(code);
  };
  process.once("SIGINT", () => void stopAll(0, "Stopping..."));
  process.once("SIGTERM", () => void stopAll(0));
  return {
    start(spec) {
      const child = startProcess({ ...spec, index: children.length });
      children.push(child);
      child.once("exit", (code, signal) => {
        void stopAll(
          code || 1,
          `${child.name} exited (${signal ?? `code ${code}`}); stopping the others.`,
        );
      });
      return child;
    },
    stopAll,
  };
}

/**
 * Resolves once `url` answers with a status `ok` accepts (any, unless given). Rejects, saying
 * what it last heard, after `timeoutMs`, or as soon as `child` (the server being waited for)
 * exits.
 * @param {string} url
 * @param {{ timeoutMs?: number, intervalMs?: number, ok?: (status: number) => boolean,
 *   child?: import("node:child_process").ChildProcess }} [options]
 * @returns {Promise<void>}
 */
export async function waitForHttp(url, options = {}) {
  const { timeoutMs = 30_000, intervalMs = 250, ok = () => true, child } = options;
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (ok(response.status)) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`;
    } catch (error) {
      last = String(error);
    }
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`${url}: the server exited before it answered (${last})`);
    }
    if (Date.now() > deadline) {
      throw new Error(`${url} was not ready within ${timeoutMs} ms (${last})`);
    }
    await sleep(intervalMs);
  }
}
