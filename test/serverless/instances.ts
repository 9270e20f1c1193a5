// App instances the way a serverless platform runs them: `next start` on a production build
// whose folder is read-only, killed without warning and started again cold.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

import { freePort } from "../ports";
import { serving } from "../serving";

/**
 * Runs `command` with `dir` mounted read-only over itself, in a mount namespace of its own (a
 * user namespace too when not root), so nothing the process does can write to the app's files.
 */
export function readOnlyCommand(dir: string, command: string[]): string[] {
  const namespaces = process.getuid?.() === 0 ? ["--mount"] : ["--map-root-user", "--mount"];
  // `cd` after the mount: a working directory opened before it would still be writable.
  const script = 'mount --bind -o ro "$0" "$0" && cd "$0" && exec "$@"';
  return ["unshare", ...namespaces, "sh", "-c", script, dir, ...command];
}

/** True when a process started like an instance cannot create a file in `dir`. */
export function isReadOnlyForInstances(dir: string): boolean {
  const [file, ...args] = readOnlyCommand(dir, ["touch", "written-by-an-instance"]);
  const result = spawnSync(file!, args, { encoding: "utf8" });
  return result.status !== 0 && /read-only/i.test(result.stderr);
}

export class Instance {
  /** Everything every process of this instance printed, across restarts. */
  log = "";
  coldStarts = 0;
  inFlight = 0;
  private child: ChildProcess | null = null;
  private ready: Promise<void> = Promise.resolve();

  private constructor(
    readonly index: number,
    readonly port: number,
    private readonly dir: string,
    private readonly env: Record<string, string>,
  ) {}

  static async create(index: number, dir: string, env: Record<string, string>) {
    return new Instance(index, await freePort(), dir, env);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get restarting() {
    return this.child === null;
  }

  /** Resolves once the instance answers (at once unless it is cold-starting). */
  whenReady() {
    return this.ready;
  }

  /** Kills the instance at once, as a platform reclaims one, and starts it again. */
  restart(): Promise<void> {
    this.kill();
    this.ready = this.boot();
    return this.ready;
  }

  /**
   * Freezes the instance (SIGSTOP), as a machine that stops being scheduled, and resolves once
   * the kernel says every process of it is stopped: a signal is delivered asynchronously, so the
   * state read straight after `kill` may still be running. `wake` thaws it.
   */
  async stall() {
    const pids = this.processes();
    for (const pid of pids) process.kill(pid, "SIGSTOP");
    const deadline = Date.now() + 10_000;
    while (pids.some((pid) => stateOf(pid) !== "T")) {
      if (Date.now() > deadline) throw new Error(`instance ${this.index} did not stop`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  wake() {
    for (const pid of this.processes()) process.kill(pid, "SIGCONT");
  }

  /** The process's state letter from /proc (T: stopped), or null when it is not running. */
  processState(): string | null {
    const pid = this.child?.pid;
    return pid ? stateOf(pid) : null;
  }

  /** The instance's process and every process under it. */
  private processes(): number[] {
    const root = this.child?.pid;
    return root ? [root, ...descendantsOf(root)] : [];
  }

  kill() {
    this.child?.kill("SIGKILL");
    this.child = null;
  }

  private async boot() {
    const [file, ...args] = readOnlyCommand(this.dir, [
      process.execPath,
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(this.port),
      "-H",
      "127.0.0.1",
    ]);
    const child = spawn(file!, args, {
      env: { ...this.env, PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.coldStarts += 1;
    const tag = `[instance ${this.index} #${this.coldStarts}] `;
    const keep = (chunk: Buffer) => (this.log += chunk.toString().replace(/^/gm, tag));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    try {
      // The health route opens the database: the cold start is over when it answers.
      await serving(child, `${this.url}/api/health`);
    } catch {
      throw new Error(`instance ${this.index} did not start:\n${this.log.slice(-4000)}`);
    }
    this.child = child;
  }
}

/** The state letter in /proc/PID/stat ("pid (name) state …"; the name may hold spaces and parentheses). */
function stateOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  } catch {
    return null;
  }
}

function descendantsOf(pid: number): number[] {
  let children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const listed = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      if (listed) children = children.concat(listed.split(/\s+/).map(Number));
    }
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}
