// CPU time of a process and all its descendants, from /proc (Linux): the worker forks one
// process per conversation, so its own figure alone would miss the work.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

interface ProcStat {
  ppid: number;
  /** utime + stime, in seconds. */
  cpuSeconds: number;
}

function readStat(pid: number | string, task = ""): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}${task}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: split after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { ppid: Number(fields[1]), cpuSeconds: ticks / CLOCK_TICKS };
  } catch {
    return undefined; // the process ended meanwhile
  }
}

/** CPU seconds used so far by `root` and each of its live descendants, by pid. */
export function treeCpu(root: number): Map<number, number> {
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const tree = new Map<number, number>();
  const visit = (pid: number) => {
    const stat = stats.get(pid);
    if (!stat || tree.has(pid)) return;
    tree.set(pid, stat.cpuSeconds);
    for (const [child, s] of stats) if (s.ppid === pid) visit(child);
  };
  visit(root);
  return tree;
}

/**
 * CPU seconds the tree used between two readings. A process born in between counts from zero;
 * what a process used after `before` is missed if it ended before `after`.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, now] of after) seconds += now - (before.get(pid) ?? 0);
  return seconds;
}

/** CPU seconds used so far by the threads of `pids`, summed by thread name (V8, libwebrtc...). */
export function threadCpu(pids: Iterable<number>): Map<string, number> {
  const byName = new Map<string, number>();
  for (const pid of pids) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      const stat = readStat(pid, `/task/${tid}`);
      let name = "?";
      try {
        name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      } catch {
        continue;
      }
      if (stat) byName.set(name, (byName.get(name) ?? 0) + stat.cpuSeconds);
    }
  }
  return byName;
}

/** Busy share of all CPUs since boot, for comparing two readings of /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** Busy share (%) of all CPUs since the `since` reading. */
export function machineBusySince(since: { busy: number; total: number }): number {
  const now = machineCpu();
  return ((now.busy - since.busy) / Math.max(1, now.total - since.total)) * 100;
}
