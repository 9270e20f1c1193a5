import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { countWarmProcesses, JobReadiness } from "./process-readiness";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folderWith(states: Record<number, string>) {
  const folder = mkdtempSync(path.join(tmpdir(), "readiness-test-"));
  folders.push(folder);
  for (const [pid, state] of Object.entries(states)) writeFileSync(path.join(folder, pid), state);
  return folder;
}

/** The pid of a process that has exited. */
function exitedPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid!;
}

describe("countWarmProcesses", () => {
  it("counts live processes that said they are warm, not those running a job", () => {
    const busy = process.ppid;
    expect(countWarmProcesses(folderWith({ [process.pid]: "warm", [busy]: "busy" }))).toBe(1);
  });

  it("forgets a process that has exited, warm or not", () => {
    const gone = exitedPid();
    const folder = folderWith({ [gone]: "warm" });
    expect(countWarmProcesses(folder)).toBe(0);
    expect(existsSync(path.join(folder, String(gone)))).toBe(false);
  });

  it("offers nothing when no job process has said anything yet", () => {
    expect(countWarmProcesses(path.join(tmpdir(), "no-such-folder-for-readiness"))).toBe(0);
  });
});

describe("JobReadiness", () => {
  it("offers warm processes within the room left, less one just accepted for a few seconds", () => {
    let now = 10_000;
    let warm = 3;
    const readiness = new JobReadiness(
      4,
      () => warm,
      () => now,
    );
    expect(readiness.readyNow(0)).toBe(3);
    expect(readiness.readyNow(2)).toBe(2); // room for two more only
    readiness.accepted();
    expect(readiness.readyNow(0)).toBe(2); // its process may still say warm
    now += 3_000;
    expect(readiness.readyNow(1)).toBe(3);
    warm = 0;
    expect(readiness.readyNow(0)).toBe(0);
  });
});
