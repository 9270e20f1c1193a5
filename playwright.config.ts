import { defineConfig } from "@playwright/test";

import { TEST_PAGE_USE } from "./e2e/support/browser";
import { DEV } from "./e2e/support/dev-stack";
import { STACK } from "./e2e/support/stack";

// Run through `npm run test:e2e`, which builds the app and finds the browser and LiveKit server.
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  outputDir: "test-results/e2e",
  // One real stack (LiveKit, worker, app) serves the suite, so tests run one at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  // No retries: a test that passes only on a second try is a failing test.
  retries: 0,
  reporter: [
    ["list"],
    ["json", { outputFile: "test-results/playwright.json" }],
    ["html", { outputFolder: "playwright-report", open: "never" }],
  ],
  projects: [
    // The production build (`next start`), as deployed.
    // (e2e/cluster/ has its own config: `npm run test:cluster`.)
    {
      name: "production",
      testIgnore: ["dev/**", "cluster/**"],
      use: { baseURL: STACK.appUrl },
    },
    // `npm run dev` itself: LiveKit's dev server, the worker in watch mode, `next dev`.
    { name: "development", testMatch: "dev/**/*.spec.ts", use: { baseURL: DEV.appUrl } },
  ],
  use: TEST_PAGE_USE,
});
