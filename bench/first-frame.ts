// Click Start → Jeremy's first video frame on screen, in Chromium against the real stack.
// Each run is a new visitor (a fresh browser context: no cache, no cookie) who opens the
// landing page, clicks Start, sees Jeremy, and hangs up.
import path from "node:path";

import type { Browser } from "@playwright/test";

import { STACK } from "@/e2e/support/stack";

import type { Benchmark } from "./support/benchmark";
import { launchBenchBrowser } from "./support/browser";
import { figure } from "./support/figures";
import { waitForIdleWorker } from "./support/session-client";
import { describeMs, percentile } from "./support/stats";

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

type ProbeWindow = { firstFrameProbe: { marks: FirstFrameMarks } };

/** One new visitor at `appUrl`: opens the page, clicks Start, sees Jeremy, hangs up. */
export async function visit(
  browser: Browser,
  appUrl: string = STACK.appUrl,
): Promise<FirstFrameMarks> {
  const context = await browser.newContext({ baseURL: appUrl });
  try {
    await context.addInitScript({ path: PROBE });
    const page = await context.newPage();
    await page.goto("/", { waitUntil: "networkidle" });
    await page.getByTestId("start-conversation").click();
    await page.waitForFunction(
      () => (window as unknown as ProbeWindow).firstFrameProbe.marks["first frame"] !== undefined,
      null,
      { timeout: 30_000 },
    );
    const marks = await page.evaluate(
      () => (window as unknown as ProbeWindow).firstFrameProbe.marks,
    );
    await page.getByTestId("hang-up").click();
    // Close appears once the server has confirmed the stop.
    await page.getByTestId("close-conversation").waitFor({ timeout: 20_000 });
    return marks;
  } finally {
    await context.close();
  }
}

export const format = (marks: FirstFrameMarks) =>
  STEPS.map((step) => `${step} ${Math.round(marks[step] ?? NaN)}`).join(" → ") + " ms";

export const firstFrame: Benchmark = {
  name: "first-frame",
  title: "click Start → Jeremy's first video frame (Chromium, real stack)",
  async run(context) {
    const browser = await launchBenchBrowser(context);
    const runs: FirstFrameMarks[] = [];
    try {
      // One unmeasured visit first: the app's first request opens its database.
      await waitForIdleWorker();
      console.log(`  warm-up: ${format(await visit(browser))}`);
      for (let run = 1; run <= RUNS; run++) {
        // Each visit starts from a quiet worker, with its pre-started job processes ready.
        await waitForIdleWorker();
        const marks = await visit(browser);
        runs.push(marks);
        console.log(`  run ${String(run).padStart(2)}: ${format(marks)}`);
      }
    } finally {
      await browser.close();
    }
    const steps = (step: keyof FirstFrameMarks) => runs.map((marks) => marks[step] ?? NaN);
    console.log(`  first frame: ${describeMs(steps("first frame"))}`);
    console.log("  median time from the click to each step:");
    for (const step of STEPS) {
      console.log(`    ${step.padEnd(20)} ${Math.round(percentile(steps(step), 50))} ms`);
    }
    return {
      figures: [
        figure("first frame p50", percentile(steps("first frame"), 50), "ms", {
          op: "<",
          value: 1000,
        }),
        figure("first frame p95", percentile(steps("first frame"), 95), "ms"),
        ...STEPS.slice(0, -1).map((step) =>
          figure(`${step} p50`, percentile(steps(step), 50), "ms"),
        ),
      ],
      notes: [],
    };
  },
};
