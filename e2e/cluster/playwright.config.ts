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
  timeout: 180_000,
  expect: { timeout: 15_000 },
  // No retries: a test that passes only on a second try is a failing test.
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "../../test-results/cluster.json" }]],
  use: {
    baseURL: CLUSTER.appUrl,
    ...TEST_PAGE_USE,
  },
});
