// `npm run bench` (through scripts/bench.mjs, which builds the app and finds the LiveKit
// server and Chromium): runs every benchmark, or those named on the command line, prints
// their figures and a summary, and keeps them in bench/results/latest.json.
// Media benchmarks need a network interface other than loopback (WebRTC ignores loopback).
import { dispose } from "@livekit/rtc-node";

import { startStack, type Stack } from "@/e2e/support/stack";

import { avSync } from "./av-sync";
import { devFirstFrame } from "./dev-first-frame";
import { faceLoad } from "./face-load";
import { firstFrame } from "./first-frame";
import { knowledge } from "./knowledge";
import { pageWeight } from "./page-weight";
import { replyLatency } from "./reply-latency";
import { sessionApi } from "./session-api";
import type { Benchmark, BenchContext, Face } from "./support/benchmark";
import { DeadlinePassed, withDeadline } from "./support/deadline";
import type { BenchmarkResult } from "./support/figures";
import { LIMITS_OFF } from "./support/limits";
import { machineBusySince, machineCpu } from "./support/process-cpu";
import { printSummary, writeResults } from "./support/results";
import { scriptBenchmark } from "./support/script-figures";
import { workerLoad } from "./worker-load";

// Stack-free benchmarks first, so nothing else is running while they time the CPU.
const BENCHMARKS: Benchmark[] = [
  scriptBenchmark("face-render", "one video frame of Jeremy's face", "bench/face-render.ts", 120),
  scriptBenchmark("speech", "speech synthesis and the Silero VAD", "bench/speech.ts", 120),
  knowledge,
  pageWeight,
  firstFrame,
  devFirstFrame,
  replyLatency,
  avSync,
  workerLoad,
  faceLoad,
  sessionApi,
];

const names = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
// `--face-worker`: Jeremy as two participants (JEREMY_FACE=worker) wherever a benchmark does not
// choose, so first-frame and reply-latency can be compared with the default.
const defaultFace: Face = process.argv.includes("--face-worker") ? "worker" : "own";
const unknown = names.filter((name) => !BENCHMARKS.some((b) => b.name === name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}.`);
  console.error(`Choose from: ${BENCHMARKS.map((b) => b.name).join(", ")}.`);
  process.exit(2);
}
const selected = names.length > 0 ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;

// The stack's processes inherit this environment, and the media benchmarks want the embedded
// database; only session-api uses PostgreSQL, in a fresh database of its own.
const postgresAdminUrl = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;

let stack: Promise<Stack> | undefined;
let face: Face = "own";
const context: BenchContext = {
  postgresAdminUrl,
  defaultFace,
  stack() {
    const livekitBinary = process.env.LIVEKIT_SERVER_BIN;
    if (!livekitBinary) throw new Error("Run the benchmarks with `npm run bench`.");
    // Benchmarks start many sessions from one address: the abuse limits would refuse them.
    stack ??= startStack({ livekitBinary, appEnv: LIMITS_OFF }).then(async (running) => {
      if (defaultFace === "worker") await running.useFaceWorker();
      face = defaultFace;
      return running;
    });
    return stack;
  },
  async useFace(wanted) {
    const running = await this.stack();
    if (face !== wanted) {
      if (wanted === "worker") await running.useFaceWorker();
      else await running.useOwnFace();
      face = wanted;
    }
    return running;
  },
};

// The stack's processes run in process groups of their own: Ctrl+C must stop them too.
const stopStack = async () => {
  await stack?.then((running) => running.stop()).catch(() => undefined);
};
process.once("SIGINT", () => void stopStack().finally(() => process.exit(130)));

const results: BenchmarkResult[] = [];
for (const benchmark of selected) {
  console.log(
    `\n▶ ${benchmark.name}: ${benchmark.title} (deadline ${benchmark.deadlineSeconds} s)`,
  );
  const started = performance.now();
  const machine = machineCpu();
  const run = { benchmark: benchmark.name, ranAt: new Date().toISOString() };
  const outcome: Pick<BenchmarkResult, "figures" | "notes" | "error"> = { figures: [], notes: [] };
  try {
    const running = benchmark.run(context, outcome);
    const returned = await withDeadline(running, benchmark.deadlineSeconds * 1000, benchmark.name);
    if (returned) {
      outcome.figures.push(...returned.figures);
      outcome.notes.push(...returned.notes);
    }
  } catch (error) {
    console.error(`  ${benchmark.name} failed:`, error);
    outcome.error = error instanceof Error ? error.message : String(error);
    // A benchmark stopped at its deadline may have left conversations running.
    if (error instanceof DeadlinePassed) {
      await stack?.then(async (running) => {
        await running.restartApp();
        await running.restartWorker();
        face = "own";
      });
      await context.useFace(defaultFace);
    }
  }
  // Figures from a machine busy with other work read high: say how busy it was.
  const busy = machineBusySince(machine);
  console.log(
    `  (${elapsed(started)} s; the machine's CPUs were ${busy.toFixed(0)} % busy meanwhile)`,
  );
  results.push({
    ...run,
    // A benchmark stopped at its deadline may still push figures: keep what it had by then.
    figures: [...outcome.figures],
    notes: [...outcome.notes],
    ...(outcome.error ? { error: outcome.error } : {}),
    deadlineSeconds: benchmark.deadlineSeconds,
    seconds: elapsed(started),
    machineBusyPercent: Math.round(busy),
  });
}
await stopStack();

printSummary(results);
console.log(`\nFigures written to ${writeResults(results)}`);
await dispose();
process.exit(results.some((result) => result.error) ? 1 : 0);

function elapsed(since: number) {
  return Math.round((performance.now() - since) / 100) / 10;
}
