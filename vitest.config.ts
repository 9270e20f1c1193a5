import { fileURLToPath } from "node:url";

import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const databaseTests = ["**/*.db.test.ts"];
// Tests that build the whole app: CPU-heavy, so they run last, after the timing-sensitive ones.
const buildTests = ["**/*.build.test.ts"];
// The app in Vercel's shape (`npm run test:serverless`): needs PostgreSQL and PgBouncer.
const serverlessTests = ["**/*.serverless.test.ts"];
const ignored = ["**/node_modules/**", "e2e/**", ".next/**"];

// Tests that touch the ledger run against the embedded PGlite database always, and against a
// real PostgreSQL too when DATABASE_URL names one (CI provides it).
const databases: Array<{ name: string; env: Record<string, string> }> = [
  { name: "db:pglite", env: { TEST_DATABASE: "pglite" } },
  ...(process.env.DATABASE_URL
    ? [
        {
          name: "db:postgres",
          env: { TEST_DATABASE: "postgres", TEST_POSTGRES_URL: process.env.DATABASE_URL },
        },
      ]
    : []),
];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Next's guard against importing server code into the browser; tests run on the server.
      { find: /^server-only$/, replacement: `${root}/test/server-only.ts` },
    ],
  },
  test: {
    pool: "forks",
    // Expected failures log loudly (provider errors, stops left for the sweeper); show a test's
    // output only when it fails.
    silent: "passed-only",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true as const,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...ignored, ...databaseTests, ...buildTests, ...serverlessTests],
        },
      },
      ...databases.map((database) => ({
        extends: true as const,
        test: {
          name: database.name,
          include: databaseTests,
          exclude: ignored,
          env: database.env,
          setupFiles: ["test/database-setup.ts"],
          // After the unit tests, whose timing checks their load would disturb.
          sequence: { groupOrder: 1 },
        },
      })),
      {
        extends: true as const,
        test: {
          name: "build",
          include: buildTests,
          exclude: ignored,
          sequence: { groupOrder: 2 },
        },
      },
      ...(process.env.TEST_SERVERLESS === "1"
        ? [
            {
              extends: true as const,
              test: { name: "serverless", include: serverlessTests, exclude: ignored },
            },
          ]
        : []),
    ],
  },
});
