import { defineConfig } from "@playwright/test";

import { TEST_PAGE_USE } from "../support/browser";

import { CLUSTER } from "./support/cluster";

// Run through `npm run test:cluster`, which builds the app and finds Redis, the browser and
// the LiveKit server.
export default defineConfig({
  testDir: ".",
  globalSetup: "../support/global-setup.ts",
  outputDir: "../../test-results/cluster-e2e",
  // One cluster serves the suite, and its tests kill parts of it: one at a time, in order.
  workers: 1,
  fullyParallel: false,
  // A test starts up to five conversations, each waiting first for a warm job process (on a
  // saturated 2-core machine a process takes 5–30 s to warm).
  timeout: 300_000,
  expect: { timeout: 15_000 },
  // No retries: a test that passes only on a second try is a failing test.
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "../../test-results/cluster.json" }]],
  use: {
    baseURL: CLUSTER.appUrl,
    ...TEST_PAGE_USE,
  },
});
