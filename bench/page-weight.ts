// The JavaScript a visitor downloads, gzipped: first for the landing page, then what starting
// a conversation adds (the lazily loaded overlay with the LiveKit client), as Chromium
// receives it from `next start`.
import { gzipSync } from "node:zlib";

import type { Page, Response } from "@playwright/test";

import { STACK } from "@/e2e/support/stack";

import type { Benchmark } from "./support/benchmark";
import { launchBenchBrowser } from "./support/browser";
import { figure } from "./support/figures";
import { waitForIdleWorker } from "./support/session-client";

interface Script {
  url: string;
  gzipped: number;
  raw: number;
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
        .then((body) => ({ url: response.url(), raw: body.length, gzipped: gzipSync(body).length }))
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
  title: "JavaScript downloaded (gzipped): landing page, then a conversation",
  async run(context) {
    const browser = await launchBenchBrowser(context);
    await waitForIdleWorker();
    try {
      const page = await (await browser.newContext({ baseURL: STACK.appUrl })).newPage();
      const landingScripts = recordScripts(page);
      await page.goto("/", { waitUntil: "networkidle" });
      const landing = report("landing page", await landingScripts());

      const conversationScripts = recordScripts(page);
      await page.getByTestId("start-conversation").click();
      await page.getByTestId("jeremy-video").waitFor({ timeout: 30_000 });
      const conversation = report("conversation adds", await conversationScripts());
      await page.getByTestId("hang-up").click();
      await page.getByTestId("close-conversation").waitFor({ timeout: 20_000 });
      return {
        figures: [
          figure("landing JS", landing, "KB", { op: "<", value: 120 }),
          figure("conversation JS added", conversation, "KB"),
        ],
        notes: ["Sizes are the served files gzipped here at zlib's default level."],
      };
    } finally {
      await browser.close();
    }
  },
};
