// Click Start → Jeremy's first frame under `npm run dev`, against the production build, in the
// same run on the same machine. Both stacks run side by side and the visits alternate, so
// whatever else loads the machine weighs on both alike. The first dev visit, which waits for
// Next to compile the page and the routes, is reported on its own and left out of the p50.
import { DEV, startDevStack } from "@/e2e/support/dev-stack";
import { STACK } from "@/e2e/support/stack";

import { type FirstFrameMarks, format, visit } from "./first-frame";
import type { Benchmark } from "./support/benchmark";
import { launchBenchBrowser } from "./support/browser";
import { aimFigure, figure } from "./support/figures";
import { waitForIdleWorker } from "./support/session-client";
import { percentile } from "./support/stats";

const RUNS = 6;
/** The aim: development within 1.5× production. */
const AIM_RATIO = 1.5;

export const devFirstFrame: Benchmark = {
  name: "dev-first-frame",
  deadlineSeconds: 300,
  title: "click Start → Jeremy's first frame, `npm run dev` against the production build",
  async run(context) {
    const browser = await launchBenchBrowser(context);
    const dev = await startDevStack();
    const firstFrames = { production: [] as number[], development: [] as number[] };
    let compileVisit: FirstFrameMarks;
    try {
      const stacks = {
        production: { appUrl: STACK.appUrl, worker: STACK.workerHealthUrl },
        development: { appUrl: DEV.appUrl, worker: DEV.workerHealthUrl },
      };
      const measure = async (which: keyof typeof stacks) => {
        await waitForIdleWorker(30_000, stacks[which].worker);
        return (await visit(browser, stacks[which].appUrl)).marks;
      };
      compileVisit = await measure("development");
      console.log(`  dev, first visit (compiles): ${format(compileVisit)}`);
      console.log(`  production, warm-up: ${format(await measure("production"))}`);
      for (let run = 1; run <= RUNS; run++) {
        for (const which of ["production", "development"] as const) {
          const marks = await measure(which);
          firstFrames[which].push(marks["first frame"] ?? NaN);
          console.log(`  run ${run} ${which.padEnd(11)}: ${format(marks)}`);
        }
      }
    } finally {
      await browser.close();
      await dev.stop();
    }
    const production = percentile(firstFrames.production, 50);
    const development = percentile(firstFrames.development, 50);
    const ratio = development / production;
    console.log(
      `  first frame p50: development ${Math.round(development)} ms, production ${Math.round(production)} ms, ` +
        `ratio ${ratio.toFixed(2)} (aim ≤ ${AIM_RATIO}: ${ratio <= AIM_RATIO ? "MET" : "MISSED"})`,
    );
    return {
      figures: [
        aimFigure("dev_vs_production_first_frame", "dev/production first frame p50", ratio, "×", {
          op: "<=",
          value: AIM_RATIO,
        }),
        figure("development first frame p50", development, "ms"),
        figure("production first frame p50", production, "ms"),
        figure("development first visit (compiling)", compileVisit["first frame"] ?? NaN, "ms"),
      ],
      notes: [],
    };
  },
};
