import { defineConfig } from "@playwright/test";

import { BASE_CHROMIUM_ARGS } from "./e2e/support/browser";
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
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ["list"],
    ["json", { outputFile: "test-results/playwright.json" }],
    ["html", { outputFolder: "playwright-report", open: "never" }],
  ],
  use: {
    baseURL: STACK.appUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        ...BASE_CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
});
