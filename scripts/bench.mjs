// `npm run bench [-- --no-build] [name ...]`: builds the app for production and runs the
// benchmarks (bench/run.ts) against the real stack: LiveKit server, Jeremy worker, `next start`
// and Chromium, found as `npm run test:e2e` finds them. Names pick a subset of benchmarks.
// WebRTC ignores loopback: on a machine with no other network interface, run this inside a
// network namespace that has one (see bench/README.md).
import { spawnSync } from "node:child_process";

import { findChromium, MISSING_BROWSER } from "./lib/chromium.mjs";
import { ensureLiveKitServer } from "./lib/livekit-binary.mjs";

const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

let livekit;
try {
  livekit = ensureLiveKitServer();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const chromium = await findChromium();
if (!chromium) {
  console.error(MISSING_BROWSER);
  process.exit(1);
}

// The same build as the end-to-end tests (scripts/e2e.mjs): nothing secret is baked in.
const buildEnv = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AVATAR_PROVIDER: "local",
  LIVEKIT_URL: "ws://127.0.0.1:7890",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "talk-to-jeremy-dev-secret-not-for-production",
};
if (!process.argv.includes("--no-build")) {
  const built = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], buildEnv);
  if (built !== 0) process.exit(built);
}

const names = process.argv.slice(2).filter((arg) => arg !== "--no-build");
process.exit(
  run(process.execPath, ["--import", "tsx", "bench/run.ts", ...names], {
    LIVEKIT_SERVER_BIN: livekit,
    CHROMIUM_PATH: chromium,
  }),
);
