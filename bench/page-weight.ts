// The JavaScript a visitor downloads, gzipped: first for the landing page, then what starting
// a conversation adds (the lazily loaded overlay with the LiveKit client), as Chromium
// receives it from `next start`; and what the operator page (/admin, with its chart library)
// loads, which must add nothing to the landing page.
import { gzipSync } from "node:zlib";

import type { Page, Response } from "@playwright/test";

import { STACK } from "@/e2e/support/stack";

import type { Benchmark } from "./support/benchmark";
import { launchBenchBrowser } from "./support/browser";
import { aimFigure, figure } from "./support/figures";
import { waitForIdleWorker } from "./support/session-client";

interface Script {
  url: string;
  gzipped: number;
  raw: number;
  /** Whether it carries the chart library (recharts' own class names are in its code). */
  chart: boolean;
}

const KB = 1024;
const TOP = 5;

/** Records every script response `page` receives from now on. */
function recordScripts(page: Page) {
  const pending: Array<Promise<Script | undefined>> = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response
        .body()
        .then((body) => ({
          url: response.url(),
          raw: body.length,
          gzipped: gzipSync(body).length,
          chart: body.includes("recharts-"),
        }))
        .catch(() => undefined),
    );
  };
  page.on("response", onResponse);
  return async () => {
    page.off("response", onResponse);
    return (await Promise.all(pending)).filter((script): script is Script => !!script);
  };
}

function report(label: string, scripts: Script[]): number {
  const total = scripts.reduce((sum, s) => sum + s.gzipped, 0);
  const raw = scripts.reduce((sum, s) => sum + s.raw, 0);
  console.log(
    `  ${label}: ${(total / KB).toFixed(1)} KB gzipped (${(raw / KB).toFixed(1)} KB raw) in ${scripts.length} files`,
  );
  for (const s of [...scripts].sort((a, b) => b.gzipped - a.gzipped).slice(0, TOP)) {
    const name = new URL(s.url).pathname.replace("/_next/static/chunks/", "");
    console.log(`    ${(s.gzipped / KB).toFixed(1).padStart(6)} KB  ${name}`);
  }
  return total / KB;
}

export const pageWeight: Benchmark = {
  name: "page-weight",
  deadlineSeconds: 90,
  title: "JavaScript downloaded (gzipped): landing page, then a conversation",
  async run(context) {
    const browser = await launchBenchBrowser(context);
    await waitForIdleWorker();
    try {
      const page = await (await browser.newContext({ baseURL: STACK.appUrl })).newPage();
      const landingScripts = recordScripts(page);
      await page.goto("/", { waitUntil: "networkidle" });
      const landingLoaded = await landingScripts();
      const landing = report("landing page", landingLoaded);

      // A minimal page of the same build: Next's own "not found" page in the root layout. What
      // the landing page loads beyond it is our own code (and the libraries it pulls in).
      const minimalPage = await (await browser.newContext({ baseURL: STACK.appUrl })).newPage();
      const minimalScripts = recordScripts(minimalPage);
      await minimalPage.goto("/a-page-that-does-not-exist", { waitUntil: "networkidle" });
      const minimalLoaded = await minimalScripts();
      const minimal = report("a minimal page (404) of the same build", minimalLoaded);
      const minimalUrls = new Set(minimalLoaded.map((script) => script.url));
      report(
        "landing scripts a minimal page does not load",
        landingLoaded.filter((script) => !minimalUrls.has(script.url)),
      );
      console.log(`  landing − minimal page: ${(landing - minimal).toFixed(1)} KB`);

      const conversationScripts = recordScripts(page);
      await page.getByTestId("start-conversation").click();
      await page.getByTestId("jeremy-video").waitFor({ timeout: 30_000 });
      const conversation = report("conversation adds", await conversationScripts());
      await page.getByTestId("hang-up").click();
      await page.getByTestId("close-conversation").waitFor({ timeout: 20_000 });

      // The operator page, signed in: its scripts, and whether any landing script has its chart.
      const signIn = await page.request.post("/api/admin/session", {
        data: { token: STACK.adminToken },
      });
      if (!signIn.ok()) throw new Error(`Could not sign in to /admin: ${signIn.status()}`);
      const adminScripts = recordScripts(page);
      await page.goto("/admin", { waitUntil: "networkidle" });
      await page.getByTestId("usage-chart").locator("svg").first().waitFor({ timeout: 20_000 });
      const adminLoaded = await adminScripts();
      const admin = report("operator page (/admin)", adminLoaded);
      const chartInLanding = landingLoaded.filter((script) => script.chart).length;
      return {
        figures: [
          figure("landing JS", landing, "KB"),
          figure("minimal page JS", minimal, "KB"),
          aimFigure(
            "landing_js_beyond_minimal_kb",
            "landing JS beyond a minimal page",
            landing - minimal,
            "KB",
            { op: "<=", value: 10 },
          ),
          figure("conversation JS added", conversation, "KB"),
          figure("operator page JS", admin, "KB"),
          figure(
            "operator page scripts with the chart library",
            adminLoaded.filter((s) => s.chart).length,
            "files",
          ),
          figure("landing scripts with the chart library", chartInLanding, "files", {
            op: "<",
            value: 1,
          }),
        ],
        notes: ["Sizes are the served files gzipped here at zlib's default level."],
      };
    } finally {
      await browser.close();
    }
  },
};
