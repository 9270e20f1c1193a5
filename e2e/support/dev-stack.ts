// Starts the product exactly as a newcomer does: `npm run dev` (scripts/dev.mjs), which runs the
// LiveKit dev server, the Jeremy worker under tsx watch, and `next dev`, on their usual ports.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

import { kill, STACK, waitUntil } from "./stack";

export const DEV = {
  appUrl: "http://localhost:3000",
  apiUrl: "http://127.0.0.1:3000",
  livekitHttp: "http://127.0.0.1:7880",
  workerHealthUrl: "http://127.0.0.1:8081",
  adminToken: "dev-e2e-admin-token-0123456789abcdef",
} as const;

/** Runs `npm run dev` with a fresh embedded database; resolves once the app and worker answer. */
export async function startDevStack() {
  mkdirSync(STACK.logDir, { recursive: true });
  const log = createWriteStream(path.join(STACK.logDir, "dev.log"), { flags: "a" });
  // What a person's shell has: no production settings, no PostgreSQL, nothing from the tests.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["NODE_ENV", "DATABASE_URL", "LIVEKIT_URL", "APP_URL"]) delete env[name];
  const dev: ChildProcess = spawn(process.execPath, ["scripts/dev.mjs"], {
    env: {
      ...env,
      PGLITE_DATA_DIR: path.resolve(".data", `e2e-dev-${randomBytes(4).toString("hex")}`),
      ADMIN_TOKEN: DEV.adminToken,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  dev.stdout?.pipe(log);
  dev.stderr?.pipe(log);
  const stop = () => kill(dev); // scripts/dev.mjs stops LiveKit, the worker and Next itself
  const exited = new Promise<never>((_, reject) =>
    dev.once("exit", (code) =>
      reject(new Error(`npm run dev exited (code ${code}); see ${STACK.logDir}/dev.log`)),
    ),
  );
  try {
    await Promise.race([
      exited,
      (async () => {
        await waitUntil(`${DEV.apiUrl}/api/health`, (status) => status === 200, 120_000);
        await waitUntil(DEV.workerHealthUrl, (status) => status === 200, 60_000);
      })(),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

export type DevStack = Awaited<ReturnType<typeof startDevStack>>;
