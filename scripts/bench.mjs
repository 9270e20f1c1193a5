// `npm run bench [-- --no-build] [name ...]`: builds the app for production and runs the
// benchmarks (bench/run.ts) against the real stack: LiveKit server, Jeremy worker, `next start`
// and Chromium, found as `npm run test:e2e` finds them. Names pick a subset of benchmarks.
// WebRTC ignores loopback: on a machine with no other network interface, run this inside a
// network namespace that has one (see bench/README.md).
import { prepareProductionStack, run } from "./lib/production-stack.mjs";

const { args: names, env } = await prepareProductionStack();
process.exit(run(process.execPath, ["--import", "tsx", "bench/run.ts", ...names], env));
