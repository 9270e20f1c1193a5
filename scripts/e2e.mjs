// `npm run test:e2e`: builds the app for production and runs the Playwright suite against the
// real stack (LiveKit server, Jeremy worker, `next start`) in a real Chromium. It finds or
// installs what that needs, or says exactly what to install.
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

// The build bakes in nothing secret; these values only satisfy the production checks in lib/env.ts.
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

const args = process.argv.slice(2).filter((arg) => arg !== "--no-build");
process.exit(
  run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args], {
    LIVEKIT_SERVER_BIN: livekit,
    CHROMIUM_PATH: chromium,
  }),
);
