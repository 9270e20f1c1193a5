// What the end-to-end tests and the benchmarks both need before they start the real stack
// (LiveKit server, Jeremy worker, `next start`, Chromium): the LiveKit server and a Chromium,
// found or installed, and unless `--no-build` is given, a production build of the app.
import { spawnSync } from "node:child_process";

import { findChromium, MISSING_BROWSER } from "./chromium.mjs";
import { liveKitServerOrExit } from "./livekit-binary.mjs";

/** Runs a command to the end with inherited output; resolves its exit status. */
export const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

// The build bakes in nothing secret; these values only satisfy the production checks in lib/env.ts.
const BUILD_ENV = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  AVATAR_PROVIDER: "local",
  LIVEKIT_URL: "ws://127.0.0.1:7890",
  LIVEKIT_API_KEY: "devkey",
  LIVEKIT_API_SECRET: "talk-to-jeremy-dev-secret-not-for-production",
};

/**
 * Gets everything ready, or exits saying what is missing. Resolves the command line's other
 * arguments and the environment that tells the stack where the LiveKit server and Chromium are.
 */
export async function prepareProductionStack() {
  const livekit = liveKitServerOrExit();
  const chromium = await findChromium();
  if (!chromium) {
    console.error(MISSING_BROWSER);
    process.exit(1);
  }
  if (!process.argv.includes("--no-build")) {
    const built = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], BUILD_ENV);
    if (built !== 0) process.exit(built);
  }
  return {
    args: process.argv.slice(2).filter((arg) => arg !== "--no-build"),
    env: { LIVEKIT_SERVER_BIN: livekit, CHROMIUM_PATH: chromium },
  };
}
