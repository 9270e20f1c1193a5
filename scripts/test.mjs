// `npm test`: everything a contributor must keep green, in order: types, lint, unit tests (with
// the database tests on PGlite, and on PostgreSQL when DATABASE_URL is set), end-to-end tests,
// and with DATABASE_URL set, the app in Vercel's shape (scripts/test-serverless.mjs) and, with
// Redis installed too, the multi-machine shape (scripts/test-cluster.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

import { CLUSTER_NEEDS, clusterTestPossible } from "./test-cluster.mjs";
import { SERVERLESS_NEEDS } from "./test-serverless.mjs";

const node = process.execPath;
const results = { passed: 0, failed: 0, skipped: 0 };

function step(name, args, report) {
  console.log(`\n━━ ${name} ━━`);
  if (report) rmSync(report.file, { force: true });
  const status = spawnSync(node, args, { stdio: "inherit" }).status ?? 1;
  if (report && existsSync(report.file))
    report.count(JSON.parse(readFileSync(report.file, "utf8")));
  else if (status !== 0) results.failed += 1;
  if (status !== 0) finish(`${name} failed.`, status);
}

function finish(message, status) {
  console.log(`\n${message}`);
  console.log(
    `tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`,
  );
  process.exit(status);
}

const vitestReport = (file) => ({
  file,
  count: (report) => {
    results.passed += report.numPassedTests;
    results.failed += report.numFailedTests;
    results.skipped += report.numPendingTests + report.numTodoTests;
  },
});

const playwrightReport = (file) => ({
  file,
  count: (report) => {
    results.passed += report.stats.expected;
    results.failed += report.stats.unexpected + report.stats.flaky;
    results.skipped += report.stats.skipped;
  },
});

step("typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"]);
step("lint", ["node_modules/eslint/bin/eslint.js", "."]);
step(
  "unit and database tests",
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    "--outputFile=test-results/vitest.json",
  ],
  vitestReport("test-results/vitest.json"),
);
// A test that passes only on a retry is a failing test (the suites run without retries).
step("end-to-end tests", ["scripts/e2e.mjs"], playwrightReport("test-results/playwright.json"));
if (process.env.DATABASE_URL) {
  step(
    "serverless-shaped test",
    [
      "scripts/test-serverless.mjs",
      "--reporter=default",
      "--reporter=json",
      "--outputFile=test-results/serverless.json",
    ],
    vitestReport("test-results/serverless.json"),
  );
} else {
  console.log(`\n━━ serverless-shaped test ━━\nSkipped. ${SERVERLESS_NEEDS}`);
  results.skipped += 1;
}
if (clusterTestPossible()) {
  // The end-to-end step built the app; the cluster runs that build.
  step(
    "cluster test",
    ["scripts/test-cluster.mjs", "--no-build"],
    playwrightReport("test-results/cluster.json"),
  );
} else {
  console.log(`\n━━ cluster test ━━\nSkipped. ${CLUSTER_NEEDS}`);
  results.skipped += 1;
}
finish("All checks passed.", 0);
