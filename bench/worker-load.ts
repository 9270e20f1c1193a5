// What each conversation costs the Jeremy worker, and whether his video keeps its frame rate,
// with 1, 2 and 4 conversations at once. Each "user" is a Node client that speaks a line every
// few seconds (so Jeremy listens, decides and talks, as in a real interview) and receives his
// face and voice. CPU is the worker's whole process tree: it runs each conversation in a process.

import { sleep } from "@/lib/sleep";

import type { Benchmark } from "./support/benchmark";
import { figure, type Figure } from "./support/figures";
import { countFrames } from "./support/frame-counter";
import { type JeremyCall, startCall } from "./support/jeremy-call";
import {
  cpuBetween,
  machineBusySince,
  machineCpu,
  threadCpu,
  treeCpu,
} from "./support/process-cpu";
import { waitForIdleWorker } from "./support/session-client";
import { userSpeech } from "./support/user-speech";
import { monitorVoice } from "./support/voice-monitor";
import { sessionReports } from "./support/worker-log";

const LEVELS = [1, 2, 4];
const WARM_UP_MS = 5_000;
// Each conversation takes a pre-started process, and the worker boots a new spare one (a few
// CPU-seconds of loading code and the voice). That is a cost per start, not per minute of
// talking: the window opens once the spare processes are quiet, or after this long.
const SPARES_QUIET_PERCENT = 5;
const MAX_SETTLE_MS = 20_000;
const WINDOW_MS = 20_000;
const USER_LINE = "Yes, I think that is right.";
const USER_EVERY_MS = 7_000;

const percent = (seconds: number, wall: number) => (seconds / wall) * 100;
const list = (values: number[], digits = 1) => values.map((v) => v.toFixed(digits)).join(", ");

/** Where the tree's CPU went: the worker itself, the N busiest (conversation) processes, the rest. */
function byProcess(workerPid: number, used: Map<number, number>, sessions: number, wall: number) {
  const children = [...used].filter(([pid]) => pid !== workerPid).sort((a, b) => b[1] - a[1]);
  const conversations = children.slice(0, sessions);
  return {
    main: percent(used.get(workerPid) ?? 0, wall),
    conversations: conversations.map(([, s]) => percent(s, wall)),
    conversationPids: conversations.map(([pid]) => pid),
    idle: percent(
      children.slice(sessions).reduce((sum, [, s]) => sum + s, 0),
      wall,
    ),
  };
}

async function sparesQuiet(workerPid: number, sessions: number): Promise<void> {
  const deadline = performance.now() + MAX_SETTLE_MS;
  while (performance.now() < deadline) {
    const before = treeCpu(workerPid);
    await sleep(2_000);
    const used = new Map(
      [...treeCpu(workerPid)].map(([pid, s]) => [pid, s - (before.get(pid) ?? 0)]),
    );
    if (byProcess(workerPid, used, sessions, 2).idle < SPARES_QUIET_PERCENT) return;
  }
}

async function measureLevel(sessions: number, workerPid: number, speech: Int16Array) {
  const calls: JeremyCall[] = [];
  for (let i = 0; i < sessions; i++) calls.push(await startCall("interviewer"));
  const videos = await Promise.all(calls.map(async (call) => countFrames(await call.face)));
  const voices = await Promise.all(calls.map(async (call) => monitorVoice(await call.voice)));
  let talking = true;
  const users = calls.map(async (call, index) => {
    await sleep((index * USER_EVERY_MS) / sessions);
    while (talking) {
      await call.microphone.say(speech);
      await sleep(USER_EVERY_MS);
    }
  });
  try {
    await Promise.all(videos.map((video) => video.firstFrame));
    await sleep(WARM_UP_MS);
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
      fps: videos.map((video) => video.fps(t0, t1)),
      machineBusy: machineBusySince(machine0),
      sessionIds: calls.map((call) => call.sessionId),
    };
  } finally {
    talking = false;
    await Promise.all(users);
    for (const stream of [...videos, ...voices]) stream.close();
    await Promise.all(calls.map((call) => call.hangUp()));
  }
}

export const workerLoad: Benchmark = {
  name: "worker-load",
  title: "worker CPU per session and Jeremy's frame rate at 1, 2 and 4 sessions",
  async run(context) {
    const stack = await context.stack();
    const speech = await userSpeech(USER_LINE);
    const figures: Figure[] = [];
    const notes: string[] = [];
    for (const sessions of LEVELS) {
      await waitForIdleWorker();
      const workerPid = stack.workerPid;
      if (!workerPid) throw new Error("the worker is not running");
      const level = await measureLevel(sessions, workerPid, speech);
      const sent = [...(await sessionReports(level.sessionIds)).values()];
      const { main, conversations, idle } = level.processes;
      console.log(`  ${sessions} at once (machine ${level.machineBusy.toFixed(0)} % busy):`);
      console.log(
        `    worker tree ${level.total.toFixed(1)} % of one core = ${(level.total / sessions).toFixed(1)} % per session ` +
          `(worker process ${main.toFixed(1)}, conversation processes ${list(conversations)}, idle ones ${idle.toFixed(1)})`,
      );
      console.log(
        `    per session by thread: ${level.threads
          .slice(0, 6)
          .map(([name, p]) => `${name} ${p.toFixed(1)}`)
          .join(", ")} (% of one core)`,
      );
      console.log(
        `    fps received ${list(level.fps)}; sent ${list(sent.map((r) => r.fps))}, ` +
          `mean frame cost ${list(sent.map((r) => r.meanFrameCostMs))} ms`,
      );
      figures.push(
        figure(`CPU per session, ${sessions} at once`, level.total / sessions, "% core", {
          op: "<=",
          value: 20,
        }),
        figure(`lowest fps, ${sessions} at once`, Math.min(...level.fps), "fps", {
          op: ">=",
          value: 25,
        }),
      );
      notes.push(`${sessions} at once: the machine was ${level.machineBusy.toFixed(0)} % busy.`);
    }
    notes.push(
      `CPU is the worker's process tree over ${WINDOW_MS / 1000} s, once the spare processes it boots ` +
        "after each start are quiet, while each user speaks every 7 s and Jeremy answers.",
    );
    return { figures, notes };
  },
};
