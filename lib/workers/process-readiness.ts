// Which of this worker's job processes are warm: started, prewarmed and not yet running a job.
// LiveKit Agents hands a job to a warm process, and when none is warm the job waits until one
// has finished warming: on a busy machine that is tens of seconds, longer than a person waits
// for Jeremy. The pool that knows is private to LiveKit Agents, so each job process records its
// own state in a file named after its pid, in a folder named after the main process's pid, and
// the main process counts them. A file that cannot be written counts as not warm: the worker
// then offers less room than it has, never more.
import { mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

type ProcessState = "warm" | "busy";

const folderOf = (mainPid: number) => path.join(tmpdir(), `agent-worker-${mainPid}-processes`);

/** In a job process: says whether it is warm and idle, or running a job. */
export function markJobProcess(state: ProcessState) {
  try {
    const folder = folderOf(process.ppid);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, String(process.pid)), state);
  } catch (error) {
    console.warn(`Could not record this job process as ${state}: ${String(error)}`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** In the main process: counts its warm job processes, forgetting those that have exited. */
export function countWarmProcesses(folder: string = folderOf(process.pid)): number {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return 0;
  }
  let warm = 0;
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      if (!alive(Number(name))) unlinkSync(file);
      else if (readFileSync(file, "utf8") === "warm") warm += 1;
    } catch {
      // Gone between the listing and the read: it was exiting.
    }
  }
  return warm;
}

/** In the main process: removes the folder when the worker exits. */
export function forgetJobProcessesOnExit() {
  process.once("exit", () => rmSync(folderOf(process.pid), { recursive: true, force: true }));
}

/** A job process says it is busy within moments of its job being assigned. */
const ACCEPT_SETTLE_MS = 3000;

/**
 * Jobs a worker can begin now without making anyone wait: warm job processes, less one just
 * handed a job (it may not have said it is busy yet), within the room `maxJobs` leaves. LiveKit
 * Agents gives a job to a warm process, and holds it until one has warmed when none has.
 */
export class JobReadiness {
  private acceptedAt = 0;

  constructor(
    private readonly maxJobs: number,
    private readonly countWarm: () => number = () => countWarmProcesses(),
    private readonly now: () => number = Date.now,
  ) {}

  /** The worker just accepted a job. */
  accepted() {
    this.acceptedAt = this.now();
  }

  readyNow(activeJobs: number): number {
    const settling = this.now() - this.acceptedAt < ACCEPT_SETTLE_MS ? 1 : 0;
    return Math.max(0, Math.min(this.countWarm() - settling, this.maxJobs - activeJobs));
  }
}
