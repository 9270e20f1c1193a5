// What a conversation costs when Jeremy is two participants (JEREMY_FACE=worker): the face
// worker's CPU (it draws and encodes his face and voice) against the encoder floor of the same run,
// the brain's (LiveKit Agents' pipeline: listening, deciding, synthesising) beside it, and their
// sum against Jeremy as one participant, measured in the same run with the same users.
import { VIDEO_SIZE } from "@/face-worker/video-publisher";
import { sleep } from "@/lib/sleep";
import type { Stack } from "@/e2e/support/stack";

import type { Benchmark } from "./support/benchmark";
import { withDeadline } from "./support/deadline";
import { aimFigure, figure, ratioOf } from "./support/figures";
import { measureEncoderFloor } from "./support/floor-process";
import { cpuBetween, treeCpu } from "./support/process-cpu";
import { percent, sparesQuiet } from "./support/spare-processes";
import { withTalkingUsers } from "./support/talking-users";
import { userSpeech } from "./support/user-speech";
import { waitForWarmWorker } from "./support/warm-worker";

// One conversation at a time: two at once never got their second Jeremy within the benchmark's
// time here (worker-load, which raises the worker's session limit, covers the scaling).
const LEVELS = [1];
/** How long one level may take before it is reported as stuck. */
const LEVEL_DEADLINE_MS = 120_000;
const FPS = 25;
const WINDOW_MS = 15_000;
const USER_LINE = "Yes, I think that is right.";

/** CPU of each process tree per conversation (% of one core) while `sessions` users talk. */
async function perConversation(sessions: number, roots: number[], speech: Int16Array) {
  for (const root of roots) await waitForWarmWorker(root, 60_000);
  return withDeadline(
    measureConversations(sessions, roots, speech),
    LEVEL_DEADLINE_MS,
    `${sessions} at once`,
  );
}

async function measureConversations(sessions: number, roots: number[], speech: Int16Array) {
  return withTalkingUsers(sessions, speech, async (users) => {
    for (const root of roots) await sparesQuiet(root, sessions);
    const before = roots.map((root) => treeCpu(root));
    const t0 = performance.now();
    await sleep(WINDOW_MS);
    const after = roots.map((root) => treeCpu(root));
    const t1 = performance.now();
    const wall = (t1 - t0) / 1000;
    return {
      cpu: roots.map((_, i) => percent(cpuBetween(before[i]!, after[i]!), wall) / sessions),
      lowestFps: Math.min(...users.fps(t0, t1)),
    };
  });
}

function pids(stack: Stack) {
  const { workerPid, facePid } = stack;
  if (!workerPid) throw new Error("the worker is not running");
  return { workerPid, facePid };
}

export const faceLoad: Benchmark = {
  name: "face-load",
  deadlineSeconds: 480,
  title:
    "the face worker's CPU per conversation against the encoder floor; brain and face together",
  async run(context, { figures, notes }) {
    const stack = await context.useFace("own");
    const speech = await userSpeech(USER_LINE);
    const floor = await measureEncoderFloor(FPS, WINDOW_MS);
    console.log(
      `  encoder floor (VP8 ${VIDEO_SIZE}×${VIDEO_SIZE} at ${FPS} fps + Opus): ${floor.cpuPercent.toFixed(1)} % of one core`,
    );
    figures.push(figure("encoder floor CPU", floor.cpuPercent, "% core"));

    const single = new Map<number, number>();
    for (const sessions of LEVELS) {
      const { cpu, lowestFps } = await perConversation(sessions, [pids(stack).workerPid], speech);
      single.set(sessions, cpu[0]!);
      console.log(
        `  one participant, ${sessions} at once: worker ${cpu[0]!.toFixed(1)} % per conversation (lowest ${lowestFps.toFixed(1)} fps)`,
      );
      figures.push(
        figure(`one participant: worker per conversation, ${sessions} at once`, cpu[0]!, "% core"),
      );
    }

    await context.useFace("worker");
    try {
      for (const sessions of LEVELS) {
        const { workerPid, facePid } = pids(stack);
        if (!facePid) throw new Error("the face worker is not running");
        const { cpu, lowestFps } = await perConversation(sessions, [facePid, workerPid], speech);
        const [face, brain] = cpu as [number, number];
        const before = single.get(sessions)!;
        console.log(
          `  face worker, ${sessions} at once: face ${face.toFixed(1)} % (${(face / floor.cpuPercent).toFixed(2)}× the floor), ` +
            `brain ${brain.toFixed(1)} %, together ${(face + brain).toFixed(1)} % per conversation ` +
            `= ${((face + brain) / before).toFixed(2)}× one participant (lowest ${lowestFps.toFixed(1)} fps)`,
        );
        figures.push(
          figure(`face worker: face per conversation, ${sessions} at once`, face, "% core"),
          figure(`face worker: brain per conversation, ${sessions} at once`, brain, "% core"),
          aimFigure(
            `face_cpu_vs_encoders_${sessions}`,
            `face CPU per conversation ÷ encoder floor, ${sessions} at once`,
            ratioOf(face, floor.cpuPercent),
            "×",
            { op: "<=", value: 1.5 },
          ),
          figure(
            `brain + face ÷ one participant, ${sessions} at once`,
            ratioOf(face + brain, before),
            "×",
          ),
          figure(`face worker: lowest fps, ${sessions} at once`, lowestFps, "fps", {
            op: ">=",
            value: 24,
          }),
        );
      }
    } finally {
      await context.useFace(context.defaultFace);
    }
    notes.push(
      `CPU is each worker's process tree over ${WINDOW_MS / 1000} s, once its spare processes are ` +
        "quiet, while each user speaks every 7 s and Jeremy answers.",
    );
  },
};
