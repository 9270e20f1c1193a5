// `npm run test:serverless`: the app in Vercel's shape (README, "Deploy a demo on Vercel"): the
// build with the README's variables and VERCEL=1, three read-only `next start` instances behind a
// random router with cold starts, PostgreSQL behind PgBouncer in transaction mode, the fake Equos.
// Needs DATABASE_URL (a PostgreSQL server the test may create a database on) and `pgbouncer`.
import { spawnSync } from "node:child_process";

export const SERVERLESS_NEEDS =
  "The serverless-shaped test needs DATABASE_URL, naming a PostgreSQL server it may create a " +
  "database on (e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres), and PgBouncer " +
  "(Debian/Ubuntu: sudo apt-get install pgbouncer).";

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.env.DATABASE_URL) {
    console.error(SERVERLESS_NEEDS);
    process.exit(1);
  }
  const vitest = ["node_modules/vitest/vitest.mjs", "run", "--project", "serverless"];
  const { status } = spawnSync(process.execPath, [...vitest, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, TEST_SERVERLESS: "1" },
  });
  process.exit(status ?? 1);
}
