// Starts the whole product as a user would run it in production, for end-to-end tests and
// benchmarks: the LiveKit server (test ports), the Jeremy worker, and `next start` on the build.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { AccessToken } from "livekit-server-sdk";

import { OFFERING_ROOM } from "@/lib/workers/capacity-report";
import { CAPACITY_REPORT_PATH, WORKER_REPORT_IDENTITY, type CapacityReport } from "@/lib/contract";
import { sleep } from "@/lib/sleep";
import { stopProcess, waitForHttp } from "@/scripts/lib/processes.mjs";

export const STACK = {
  /** The page's address. Chromium resolves localhost itself; Node asks the resolver, which in a
   *  sandbox without DNS can stall for seconds, so Node-side calls use `apiUrl`. */
  appUrl: "http://localhost:3100",
  apiUrl: "http://127.0.0.1:3100",
  appPort: 3100,
  livekitUrl: "ws://127.0.0.1:7890",
  livekitHttp: "http://127.0.0.1:7890",
  apiKey: "devkey",
  apiSecret: "talk-to-jeremy-dev-secret-not-for-production",
  adminToken: "e2e-admin-token-0123456789abcdef",
  workerHealthUrl: "http://127.0.0.1:8091",
  /** The face worker's health endpoint, while a test runs one (JEREMY_FACE=worker). */
  faceHealthUrl: "http://127.0.0.1:8092",
  logDir: path.resolve("test-results", "stack"),
} as const;

/** The environment the app and the worker run with under test. */
export function stackEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    LIVEKIT_URL: STACK.livekitUrl,
    LIVEKIT_API_KEY: STACK.apiKey,
    LIVEKIT_API_SECRET: STACK.apiSecret,
    APP_URL: `http://127.0.0.1:${STACK.appPort}`,
    ADMIN_TOKEN: STACK.adminToken,
    AVATAR_PROVIDER: "local",
    JEREMY_HEALTH_PORT: "8091",
    // The suite starts many conversations from one browser; its own tests turn limits back on.
    START_LIMIT_PER_CLIENT: "0",
    MAX_ACTIVE_SESSIONS: "10",
    DAILY_SESSION_SECONDS: "0",
    MAX_SESSIONS_PER_CLIENT: "0",
    DAILY_SESSION_SECONDS_PER_CLIENT: "0",
    // Knowledge pages the tests serve themselves, on loopback (the operator's documented switch).
    KNOWLEDGE_ALLOWED_HOSTS: "127.0.0.1",
    TOOL_ALLOWED_HOSTS: "127.0.0.1",
    ...extra,
  };
}

/** Starts a process in its own group, its output appended to `<logDir>/<name>.log`. */
export function spawnLogged(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  logDir: string = STACK.logDir,
): ChildProcess {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(path.join(logDir, `${name}.log`), { flags: "a" });
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Resolves once `url` answers with a status `ok` accepts; the error points at the logs. */
export async function waitUntil(url: string, ok: (status: number) => boolean, timeoutMs: number) {
  try {
    await waitForHttp(url, { ok, timeoutMs });
  } catch (error) {
    throw new Error(`${(error as Error).message}; see ${STACK.logDir}`);
  }
}

/** Stops a stack process and everything it started (SIGKILL after 8 s). */
export function kill(child: ChildProcess | undefined, signal: NodeJS.Signals = "SIGTERM") {
  return stopProcess(child, { signal, graceMs: 8000 });
}

export interface StackOptions {
  livekitBinary: string;
  /** A PostgreSQL URL for the app, or undefined for a fresh embedded PGlite folder. */
  databaseUrl?: string;
  appEnv?: Record<string, string>;
}

/** Starts LiveKit, the worker and the app; resolves once the app reports itself healthy. */
export async function startStack(options: StackOptions) {
  const run = randomBytes(4).toString("hex");
  const database: Record<string, string> = options.databaseUrl
    ? { DATABASE_URL: options.databaseUrl }
    : { PGLITE_DATA_DIR: path.resolve(".data", `e2e-${run}`) };
  const env = stackEnv({ ...database, ...options.appEnv });

  const livekit = spawnLogged(
    "livekit",
    options.livekitBinary,
    ["--config", "livekit/livekit.test.yaml"],
    {},
  );
  let worker = startWorker(env);
  let silent: { stop(): Promise<void> } | undefined;
  let face: ChildProcess | undefined;
  let app: ChildProcess;
  try {
    await waitUntil(STACK.livekitHttp, () => true, 30_000);
    app = await startApp(env);
    await workerReady();
  } catch (error) {
    // Leave nothing running behind a failed start.
    await Promise.all([kill(worker), kill(livekit)]);
    throw error;
  }

  return {
    env,
    get workerPid() {
      return worker.pid;
    },
    /** The face worker's process, while one runs (`useFaceWorker`). */
    get facePid() {
      return face?.pid;
    },
    /**
     * Stops the worker as a hung one would: it takes no jobs, yet the app still counts its room
     * (a stand-in keeps reporting it), so starts go ahead and Jeremy never comes. A worker that
     * is simply gone makes the app refuse starts instead (503 AVATAR_BUSY, tested elsewhere).
     */
    async stopWorker() {
      await kill(worker);
      silent ??= await reportAsSilentWorker();
    },
    /** Kills the worker and its job processes at once, as a crash would. */
    async killWorker() {
      await kill(worker, "SIGKILL");
    },
    /** Restarts the worker with `extra` variables on top of the stack's (none: back to normal). */
    async restartWorker(extra: Record<string, string> = {}) {
      await silent?.stop();
      silent = undefined;
      await kill(worker);
      worker = startWorker({ ...env, ...extra });
      await workerReady();
    },
    /**
     * Runs Jeremy as two participants: the brain (this worker, restarted with JEREMY_FACE=worker)
     * and the face worker it dispatches. Resolves once both are ready; `useOwnFace` undoes it.
     */
    async useFaceWorker() {
      const facesBefore = workerLogCount(OFFERING_ROOM, "face");
      face ??= spawnLogged(
        "face",
        process.execPath,
        ["--import", "tsx", "face-worker/main.ts", "start"],
        { ...env, FACE_HEALTH_PORT: new URL(STACK.faceHealthUrl).port },
      );
      await waitUntil(STACK.faceHealthUrl, (status) => status === 200, 60_000);
      // The app starts a conversation only once a face has offered it room (as for the brain).
      const deadline = Date.now() + 60_000;
      while (face.exitCode === null && workerLogCount(OFFERING_ROOM, "face") <= facesBefore) {
        if (Date.now() > deadline) throw new Error("the face worker never offered the app room");
        await sleep(100);
      }
      await this.restartWorker({ JEREMY_FACE: "worker" });
    },
    /** Back to Jeremy drawing his own face: the face worker stops. */
    async useOwnFace() {
      await this.restartWorker();
      await kill(face);
      face = undefined;
    },
    /** Restarts the app with `extra` variables on top of the stack's (none: back to normal). */
    async restartApp(extra: Record<string, string> = {}) {
      await kill(app);
      app = await startApp({ ...env, ...extra });
    },
    async stop() {
      await silent?.stop();
      await Promise.all([kill(app), kill(worker), kill(face)]);
      await kill(livekit);
    },
  };
}

/**
 * Resolves once the worker is registered with LiveKit (its health endpoint answers 200) and the
 * app knows it has room (the app's health counts reporting workers).
 */
async function workerReady() {
  await waitUntil(STACK.workerHealthUrl, (status) => status === 200, 60_000);
  // The app may still count a worker that just died for a while; wait until it has heard of
  // this one's room (the worker logs that once), so a start right after cannot find none.
  const deadline = Date.now() + 60_000;
  while (workerLogCount(OFFERING_ROOM) <= offersBefore) {
    if (Date.now() > deadline) throw new Error("the worker never offered the app its room");
    await sleep(100);
  }
  await waitUntil(`${STACK.apiUrl}/api/health`, (status) => status === 200, 60_000);
}

/** How often the worker's log (across restarts) holds `text`. */
function workerLogCount(text: string, name = "worker"): number {
  try {
    return readFileSync(path.join(STACK.logDir, `${name}.log`), "utf8").split(text).length - 1;
  } catch {
    return 0;
  }
}

/** Offers counted before the latest worker start: workerReady waits for one more. */
let offersBefore = 0;

async function startApp(env: Record<string, string>) {
  const app = spawnLogged(
    "app",
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(STACK.appPort), "-H", "127.0.0.1"],
    env,
  );
  try {
    await waitUntil(
      `http://127.0.0.1:${STACK.appPort}/api/health`,
      (status) => status === 200,
      60_000,
    );
  } catch (error) {
    await kill(app);
    throw error;
  }
  return app;
}

/** Reports room to the app every few seconds on behalf of a worker that takes no jobs. */
async function reportAsSilentWorker() {
  const workerId = `e2e-silent-worker-${randomBytes(3).toString("hex")}`;
  const send = async (maxSessions: number) => {
    const token = new AccessToken(STACK.apiKey, STACK.apiSecret, {
      identity: WORKER_REPORT_IDENTITY,
      ttl: 60,
    });
    const report: CapacityReport = {
      workerId,
      agentName: "jeremy",
      maxSessions,
      activeJobs: 0,
      readyProcesses: maxSessions,
    };
    const res = await fetch(`${STACK.apiUrl}${CAPACITY_REPORT_PATH}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${await token.toJwt()}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(report),
    });
    if (!res.ok) throw new Error(`capacity report answered ${res.status}`);
  };
  await send(4);
  const timer = setInterval(() => void send(4).catch(() => undefined), 5_000);
  return {
    async stop() {
      clearInterval(timer);
      await send(0).catch(() => undefined); // gone: its room no longer counts
    },
  };
}

function startWorker(env: Record<string, string>) {
  offersBefore = workerLogCount(OFFERING_ROOM);
  return spawnLogged(
    "worker",
    process.execPath,
    ["--import", "tsx", "avatar-worker/main.ts", "start"],
    env,
  );
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
