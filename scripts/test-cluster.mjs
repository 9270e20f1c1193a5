// `npm run test:cluster`: the product as a deployment past one machine runs it (deploy/README.md):
// Redis, two LiveKit nodes sharing it, two Jeremy workers, two `next start` instances behind a
// load balancer, one PostgreSQL; Chromium talks to Jeremy while the test kills a node, a worker
// and an app instance. Builds the app first unless `--no-build` is given.
import { spawnSync } from "node:child_process";

import { prepareProductionStack, run } from "./lib/production-stack.mjs";

export const CLUSTER_NEEDS =
  "The cluster test needs DATABASE_URL, naming a PostgreSQL server it may create a database on " +
  "(e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres), and Redis's `redis-server` " +
  "(Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis). Media needs " +
  "an address other than loopback: on a machine without one, run it in a network namespace " +
  "as .ci/in-namespace.sh does.";

/** True when this machine has what the cluster test needs (README, "Tests"). */
export function clusterTestPossible() {
  const redis = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return Boolean(process.env.DATABASE_URL) && redis.status === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!clusterTestPossible()) {
    console.error(CLUSTER_NEEDS);
    process.exit(1);
  }
  const { args, env } = await prepareProductionStack();
  const playwright = ["node_modules/@playwright/test/cli.js", "test"];
  const config = ["--config", "e2e/cluster/playwright.config.ts"];
  process.exit(run(process.execPath, [...playwright, ...config, ...args], env));
}
