// What each conversation costs the Jeremy worker, and whether his video keeps its frame rate,
// with 1, 2 and 4 conversations at once. Each "user" is a Node client that speaks a line every
// few seconds (so Jeremy listens, decides and talks, as in a real interview) and receives his
// face and voice. CPU is the worker's whole process tree: it runs each conversation in a process.

import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

import { VIDEO_SIZE } from "@/face-worker/video-publisher";
import { sleep } from "@/lib/sleep";

import type { Benchmark } from "./support/benchmark";
import { DeadlinePassed, withDeadline } from "./support/deadline";
import { aimFigure, figure, ratioOf } from "./support/figures";
import { measureEncoderFloor } from "./support/floor-process";
import {
  cpuBetween,
  machineBusySince,
  machineCpu,
  threadCpu,
  treeCpu,
} from "./support/process-cpu";
import { waitForIdleWorker } from "./support/session-client";
import { userSpeech } from "./support/user-speech";
import { byProcess, percent, sparesQuiet } from "./support/spare-processes";
import { withTalkingUsers } from "./support/talking-users";
import { waitForWarmWorker } from "./support/warm-worker";
import { sessionReports } from "./support/worker-log";

// The aims' levels; then up in steps of two until the frame rate drops below MIN_FPS.
const LEVELS = [1, 2, 4];
const MAX_LEVEL = 16;
const MIN_FPS = 24;
const FPS = 25; // the worker's default JEREMY_FPS, which the stack does not change
const IDLE_WINDOW_MS = 10_000;
const IDLE_SETTLE_MS = 20_000;
// Stepping past the aims' levels stops once the benchmark has run this long.
const STEP_UP_BUDGET_MS = 6 * 60_000;
const levels = () =>
  [...LEVELS, ...Array.from({ length: 6 }, (_, i) => 6 + 2 * i)].filter((n) => n <= MAX_LEVEL);
const WINDOW_MS = 15_000;
const USER_LINE = "Yes, I think that is right.";

const list = (values: number[], digits = 1) => values.map((v) => v.toFixed(digits)).join(", ");

async function measureLevel(sessions: number, workerPid: number, speech: Int16Array) {
  return withTalkingUsers(sessions, speech, async (users) => {
    await sparesQuiet(workerPid, sessions);
    const tree0 = treeCpu(workerPid);
    const machine0 = machineCpu();
    const t0 = performance.now();
    const threads0 = threadCpu(tree0.keys());
    await sleep(WINDOW_MS);
    const tree1 = treeCpu(workerPid);
    const threads1 = threadCpu(tree1.keys());
    const t1 = performance.now();
    const wall = (t1 - t0) / 1000;
    const used = new Map([...tree1].map(([pid, s]) => [pid, s - (tree0.get(pid) ?? 0)]));
    const threads = [...threads1]
      .map(([name, s]) => [name, percent(s - (threads0.get(name) ?? 0), wall) / sessions] as const)
      .sort((a, b) => b[1] - a[1]);
    return {
      total: percent(cpuBetween(tree0, tree1), wall),
      processes: byProcess(workerPid, used, sessions, wall),
      threads,
      fps: users.fps(t0, t1),
      machineBusy: machineBusySince(machine0),
      sessionIds: users.calls.map((call) => call.sessionId),
    };
  });
}

/**
 * CPU (% of one core) of each idle pre-started job process, over `ms`, once settled: a process
 * just warmed up goes on collecting its garbage for half a minute or so.
 */
async function idleSpareCpu(workerPid: number, ms: number) {
  await waitForWarmWorker(workerPid);
  await sleep(IDLE_SETTLE_MS);
  const before = treeCpu(workerPid);
  const t0 = performance.now();
  await sleep(ms);
  const after = treeCpu(workerPid);
  const wall = (performance.now() - t0) / 1000;
  // Job processes only: LiveKit Agents also runs an inference process (for its end-of-turn model).
  const spares = [...after].filter(([pid]) => pid !== workerPid && isJobProcess(pid));
  const each = spares.map(([pid, s]) => percent(s - (before.get(pid) ?? s), wall));
  return {
    count: spares.length,
    each,
    main: percent(
      cpuBetween(
        new Map([[workerPid, before.get(workerPid) ?? 0]]),
        new Map([[workerPid, after.get(workerPid) ?? 0]]),
      ),
      wall,
    ),
  };
}

function isJobProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("job_proc_lazy_main");
  } catch {
    return false;
  }
}

export const workerLoad: Benchmark = {
  name: "worker-load",
  deadlineSeconds: 540,
  title: "worker CPU per conversation against the encoders' own cost; conversations per core",
  async run(context, { figures, notes }) {
    const began = performance.now();
    // Jeremy as one participant: the face worker's share is face-load's to measure.
    const stack = await context.useFace("own");
    const speech = await userSpeech(USER_LINE);

    // The floor: encoding one conversation's face and voice, and nothing else.
    const floor = await measureEncoderFloor(FPS, WINDOW_MS);
    console.log(
      `  encoder floor (VP8 ${VIDEO_SIZE}×${VIDEO_SIZE} at ${FPS} fps + Opus): ${floor.cpuPercent.toFixed(1)} % of one core, ${floor.fps.toFixed(1)} fps received`,
    );
    figures.push(
      figure("encoder floor CPU", floor.cpuPercent, "% core"),
      figure("encoder floor fps received", floor.fps, "fps"),
    );

    // Room for more conversations than the default, to find how many the machine holds.
    await stack.restartWorker({ JEREMY_MAX_SESSIONS: String(MAX_LEVEL) });
    try {
      await waitForIdleWorker();
      const workerPid = stack.workerPid;
      if (!workerPid) throw new Error("the worker is not running");
      const idle = await idleSpareCpu(workerPid, IDLE_WINDOW_MS);
      console.log(
        `  idle: worker process ${idle.main.toFixed(1)} %, ${idle.count} pre-started job processes ${list(idle.each)} % of one core`,
      );
      figures.push(
        aimFigure(
          "idle_spare_process_cpu_percent",
          "idle pre-started job process, the busiest",
          Math.max(...idle.each),
          "% core",
          { op: "<", value: 1 },
        ),
      );

      let held = 0;
      for (const sessions of levels()) {
        if (sessions > Math.max(...LEVELS) && performance.now() - began > STEP_UP_BUDGET_MS) {
          notes.push(`Stepping up stopped at ${held} conversations: the benchmark's time ran out.`);
          break;
        }
        await waitForWarmWorker(stack.workerPid ?? workerPid, 60_000);
        let level: Awaited<ReturnType<typeof measureLevel>>;
        try {
          level = await withDeadline(
            measureLevel(sessions, stack.workerPid ?? workerPid, speech),
            (60 + 15 * sessions) * 1000,
            `${sessions} conversations at once`,
          );
        } catch (error) {
          if (!(error instanceof DeadlinePassed)) throw error;
          console.log(`  ${sessions} at once: ${error.message}`);
          notes.push(`${sessions} at once: ${error.message}.`);
          await stack.restartWorker({ JEREMY_MAX_SESSIONS: String(MAX_LEVEL) });
          break;
        }
        const sent = [...(await sessionReports(level.sessionIds)).values()];
        const { main, conversations, idle: spares } = level.processes;
        const perSession = level.total / sessions;
        const lowest = Math.min(...level.fps);
        console.log(`  ${sessions} at once (machine ${level.machineBusy.toFixed(0)} % busy):`);
        console.log(
          `    worker tree ${level.total.toFixed(1)} % of one core = ${perSession.toFixed(1)} % per conversation ` +
            `= ${(perSession / floor.cpuPercent).toFixed(2)}× the encoder floor ` +
            `(worker process ${main.toFixed(1)}, conversation processes ${list(conversations)}, idle ones ${spares.toFixed(1)})`,
        );
        console.log(
          `    per conversation by thread: ${level.threads
            .slice(0, 6)
            .map(([name, p]) => `${name} ${p.toFixed(1)}`)
            .join(", ")} (% of one core)`,
        );
        console.log(
          `    fps received ${list(level.fps)}; sent ${list(sent.map((r) => r.fps))}, ` +
            `mean frame cost ${list(sent.map((r) => r.meanFrameCostMs))} ms`,
        );
        figures.push(
          figure(`CPU per conversation, ${sessions} at once`, perSession, "% core"),
          figure(`lowest fps, ${sessions} at once`, lowest, "fps", { op: ">=", value: MIN_FPS }),
        );
        if (LEVELS.includes(sessions)) {
          figures.push(
            aimFigure(
              `worker_cpu_vs_encoders_${sessions}`,
              `CPU per conversation ÷ encoder floor, ${sessions} at once`,
              ratioOf(perSession, floor.cpuPercent),
              "×",
              { op: "<=", value: 1.5 },
            ),
          );
        }
        notes.push(`${sessions} at once: the machine was ${level.machineBusy.toFixed(0)} % busy.`);
        if (lowest < MIN_FPS) break;
        held = sessions;
      }
      const cores = availableParallelism();
      console.log(`  held at ≥ ${MIN_FPS} fps: ${held} conversations on ${cores} cores`);
      figures.push(
        figure("conversations held at ≥ 24 fps", held, "conversations"),
        figure("conversations per core", held / cores, "per core"),
      );
    } finally {
      await stack.restartWorker();
      await context.useFace(context.defaultFace);
    }
    notes.push(
      `CPU is the worker's process tree over ${WINDOW_MS / 1000} s, once the spare processes it boots ` +
        "after each start are quiet, while each user speaks every 7 s and Jeremy answers. " +
        "The encoder floor sends pre-drawn I420 frames and a voice that never pauses.",
    );
  },
};
