// Click Start → Jeremy's first video frame on screen, in Chromium against the real stack.
// Each run is a new visitor (a fresh browser context: no cache, no cookie) who opens the
// landing page, clicks Start, sees Jeremy, and hangs up.
import path from "node:path";

import type { Browser } from "@playwright/test";

import { startAnswer } from "@/e2e/support/conversation-page";
import { STACK } from "@/e2e/support/stack";

import type { Benchmark } from "./support/benchmark";
import { launchBenchBrowser } from "./support/browser";
import { aimFigure, figure, ratioOf } from "./support/figures";
import { waitForIdleWorker } from "./support/session-client";
import { describeMs, percentile } from "./support/stats";
import { waitForWarmWorker } from "./support/warm-worker";
import { sessionReports } from "./support/worker-log";

// The marks bench/support/first-frame-probe.js takes in the page, in ms after the click.
export interface FirstFrameMarks {
  "start API answered"?: number;
  "overlay shown"?: number;
  "LiveKit connected"?: number;
  "video attached"?: number;
  "first frame"?: number;
}
const PROBE = path.resolve("bench", "support", "first-frame-probe.js");

const RUNS = 10;
const STEPS: Array<keyof FirstFrameMarks> = [
  "start API answered",
  "overlay shown",
  "LiveKit connected",
  "video attached",
  "first frame",
];

// The worker's own steps (its log's timeline), in ms after the click.
const WORKER_STEPS = {
  "worker: job began": "jobAt",
  "worker: room claimed": "claimedAt",
  "worker: room connected": "connectedAt",
  "worker: first frame sent": "firstFrameAt",
} as const;
type WorkerStep = keyof typeof WORKER_STEPS;

type ProbeWindow = { firstFrameProbe: { marks: FirstFrameMarks; clickEpoch: number } };

export interface Visit {
  marks: FirstFrameMarks;
  sessionId: string;
  /** The click, in ms since the epoch. */
  clickEpoch: number;
}

/** One new visitor at `appUrl`: opens the page, clicks Start, sees Jeremy, hangs up. */
export async function visit(browser: Browser, appUrl: string = STACK.appUrl): Promise<Visit> {
  const context = await browser.newContext({ baseURL: appUrl });
  try {
    await context.addInitScript({ path: PROBE });
    const page = await context.newPage();
    await page.goto("/", { waitUntil: "networkidle" });
    const started = page.waitForResponse(startAnswer);
    await page.getByTestId("start-conversation").click();
    const { session } = (await (await started).json()) as { session: { id: string } };
    await page.waitForFunction(
      () => (window as unknown as ProbeWindow).firstFrameProbe.marks["first frame"] !== undefined,
      null,
      { timeout: 30_000 },
    );
    const { marks, clickEpoch } = await page.evaluate(
      () => (window as unknown as ProbeWindow).firstFrameProbe,
    );
    await page.getByTestId("hang-up").click();
    // Close appears once the server has confirmed the stop.
    await page.getByTestId("close-conversation").waitFor({ timeout: 20_000 });
    return { marks, sessionId: session.id, clickEpoch };
  } finally {
    await context.close();
  }
}

/** The worker's steps for `visits`, in ms after each click (from its end-of-session log). */
async function workerSteps(visits: Visit[]) {
  const reports = await sessionReports(visits.map((v) => v.sessionId));
  return visits.map((v) => {
    const timeline = reports.get(v.sessionId)?.timeline;
    return Object.fromEntries(
      Object.entries(WORKER_STEPS).map(([step, key]) => [
        step,
        timeline?.[key] ? timeline[key] - v.clickEpoch : NaN,
      ]),
    ) as Record<WorkerStep, number>;
  });
}

export const format = (marks: FirstFrameMarks) =>
  STEPS.map((step) => `${step} ${Math.round(marks[step] ?? NaN)}`).join(" → ") + " ms";

export const firstFrame: Benchmark = {
  name: "first-frame",
  deadlineSeconds: 180,
  title: "click Start → Jeremy's first video frame (Chromium, real stack)",
  async run(context) {
    const browser = await launchBenchBrowser(context);
    const { workerPid } = await context.stack();
    if (!workerPid) throw new Error("the worker is not running");
    const visits: Visit[] = [];
    try {
      // One unmeasured visit first: the app's first request opens its database.
      await waitForIdleWorker();
      console.log(`  warm-up: ${format((await visit(browser)).marks)}`);
      for (let run = 1; run <= RUNS; run++) {
        // Each visit starts from a quiet worker, with its pre-started job processes warm.
        await waitForWarmWorker(workerPid);
        const one = await visit(browser);
        visits.push(one);
        console.log(`  run ${String(run).padStart(2)}: ${format(one.marks)}`);
      }
    } finally {
      await browser.close();
    }
    const page = (step: keyof FirstFrameMarks) => visits.map((v) => v.marks[step] ?? NaN);
    const worker = await workerSteps(visits);
    const steps: Array<[string, number[]]> = [
      ...STEPS.map((step): [string, number[]] => [step, page(step)]),
      ...Object.keys(WORKER_STEPS).map((step): [string, number[]] => [
        step,
        worker.map((w) => w[step as WorkerStep]),
      ]),
    ];
    console.log(`  first frame: ${describeMs(page("first frame"))}`);
    console.log("  median time from the click to each step (page, then the worker's own clock):");
    for (const [step, values] of [...steps].sort(
      (a, b) => percentile(a[1], 50) - percentile(b[1], 50),
    )) {
      console.log(`    ${step.padEnd(26)} ${Math.round(percentile(values, 50))} ms`);
    }
    const firstFrameP50 = percentile(page("first frame"), 50);
    const connectedP50 = percentile(page("LiveKit connected"), 50);
    return {
      figures: [
        figure("first frame p50", firstFrameP50, "ms", { op: "<", value: 1000 }),
        figure("first frame p95", percentile(page("first frame"), 95), "ms"),
        ...steps
          .filter(([step]) => step !== "first frame")
          .map(([step, values]) => figure(`${step} p50`, percentile(values, 50), "ms")),
        aimFigure(
          "first_frame_vs_livekit_connected",
          "click → first frame ÷ click → LiveKit connected (p50)",
          ratioOf(firstFrameP50, connectedP50),
          "×",
          { op: "<=", value: 1.3 },
        ),
      ],
      notes: [],
    };
  },
};
