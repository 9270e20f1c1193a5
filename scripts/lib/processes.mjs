// Runs several long-lived processes as one: each line of output is prefixed with its name, and
// when one exits, or on Ctrl-C, all of them are stopped (their whole process groups).
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

/** Sends SIGTERM to a child's process group, then SIGKILL if it has not gone in time. */
export function stopProcess(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    kill("SIGTERM");
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

/** Resolves once `url` answers (any HTTP status), or rejects after `timeoutMs`. */
export async function waitForHttp(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${url} did not answer within ${timeoutMs} ms`, { cause: error });
      await sleep(250);
    }
  }
}
