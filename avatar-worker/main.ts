// The Jeremy avatar worker: registers with LiveKit under an agent name, and runs one
// conversation per dispatched job, each in its own process (LiveKit Agents' job processes).
// `npm run worker` runs `start` (production); `npm run dev` runs `dev` (readable logs, restarted
// on code changes by tsx watch). Both keep the same number of warm job processes ready.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

import {
  AgentServer,
  cli,
  defineAgent,
  initializeLogger,
  ServerOptions,
  type JobProcess,
} from "@livekit/agents";

import { AVATAR, isSessionRoom } from "@/lib/providers/local/worker-contract";
import { reportCapacity } from "@/lib/workers/capacity-report";
import {
  forgetJobProcessesOnExit,
  JobReadiness,
  markJobProcess,
} from "@/lib/workers/process-readiness";

import { readWorkerEnv } from "./env";
import { idleWithoutLoopMonitor, startLoopMonitor } from "./session/idle-monitor";
import { runJeremySession } from "./session/jeremy-session";
import { warmUp, type WarmKit } from "./session/warm-up";

interface ProcessData {
  kit?: WarmKit;
}

const env = readWorkerEnv();
/** This process's server, once LiveKit Agents hands it to loadFunc (the main process only). */
let running: AgentServer | undefined;
const readiness = new JobReadiness(env.JEREMY_MAX_SESSIONS);
/**
 * What the last load update told LiveKit this worker could begin (LiveKit Agents sends one every
 * 2.5 s). The app is told no more than that: a start it lets through while LiveKit still counts
 * this worker full would find no worker to take its job, and LiveKit does not ask again.
 */
let readyToldLiveKit = 0;

export default defineAgent<ProcessData>({
  // Job processes are started ahead of demand; warming them here keeps loading the voice and
  // the face off the path between a user pressing Start and Jeremy appearing.
  prewarm: async (proc: JobProcess<ProcessData>) => {
    const began = Date.now();
    proc.userData.kit = await warmUp();
    idleWithoutLoopMonitor();
    markJobProcess("warm");
    const booted = Math.round(process.uptime() * 1000);
    console.log(
      `Job process ${process.pid} warm ${booted} ms after it started (warming: ${Date.now() - began} ms).`,
    );
  },
  entry: async (ctx) => {
    markJobProcess("busy");
    startLoopMonitor();
    await runJeremySession(ctx, env, ctx.proc.userData.kit ?? (await warmUp()));
  },
});

function serverOptions(production: boolean) {
  return new ServerOptions({
    agent: fileURLToPath(import.meta.url),
    agentName: env.LIVEKIT_AGENT_NAME,
    wsURL: env.LIVEKIT_URL,
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    port: env.JEREMY_HEALTH_PORT,
    production,
    // Warm job processes, the same in development as in production (LiveKit Agents' own
    // development default is none, which makes every conversation wait for a cold start).
    numIdleProcesses: env.JEREMY_IDLE_PROCESSES ?? Math.min(availableParallelism(), 4),
    // A process that is slow to warm on a busy machine is still worth waiting for: killing it at
    // the limit starts the same work again from nothing (seen on a saturated 2-core machine,
    // where warming took over 30 s). No job waits for it: jobs go to warm processes only.
    initializeProcessTimeout: 60_000,
    // A job this worker could only begin after a process has warmed goes to another worker:
    // LiveKit offers it to the next one when this one declines. (The app asks for a conversation
    // only while some worker has a warm process. A room the app did not make had no such check,
    // and a dispatch every worker declines is lost, so that job waits here for a process.)
    requestFunc: async (request) => {
      const appRoom = isSessionRoom(request.job.room?.name ?? "");
      if (appRoom && readiness.readyNow(running?.activeJobs.length ?? 0) === 0) {
        console.log(`Declining job ${request.job.id}: no warm job process yet.`);
        return request.reject();
      }
      readiness.accepted();
      return request.accept(AVATAR.name, AVATAR.identity);
    },
    // Capacity is a number of conversations, not a CPU reading, so a busy test machine or a
    // noisy neighbour does not turn Jeremy away; more workers add capacity. While no job
    // process is warm the worker is full, so LiveKit sends new jobs to a worker that can begin.
    loadFunc: async (server) => {
      running = server;
      const active = server.activeJobs.length;
      readyToldLiveKit = readiness.readyNow(active);
      return readyToldLiveKit > 0 ? active / env.JEREMY_MAX_SESSIONS : 1;
    },
    loadThreshold: 1,
  });
}

/**
 * Development: the production server with readable logs, closed at once on a signal (no drain:
 * tsx watch restarts it on every code change). LiveKit Agents' own `dev` command is deprecated.
 */
async function runDevelopmentServer() {
  initializeLogger({ pretty: true, level: process.env.LOG_LEVEL ?? "info" });
  const server = new AgentServer(serverOptions(false));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void server.close().finally(() => process.exit(0));
    });
  }
  await server.run();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The app starts a conversation only while some worker has room: tell it ours.
  forgetJobProcessesOnExit();
  const reporter = {
    appUrl: env.APP_URL,
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    agentName: env.LIVEKIT_AGENT_NAME,
    maxSessions: env.JEREMY_MAX_SESSIONS,
    // Drawing no face of its own, each conversation needs a face worker too: the app counts them.
    ...(env.JEREMY_FACE === "worker" ? { faceAgentName: env.FACE_AGENT_NAME } : {}),
    // The vendors' faces it has keys for: the app offers a session these too.
    hostedFaces: env.hostedFaces,
  };
  reportCapacity(reporter, () => {
    if (!running) return null;
    const activeJobs = running.activeJobs.length;
    return {
      activeJobs,
      readyProcesses: Math.min(readiness.readyNow(activeJobs), readyToldLiveKit),
    };
  });
  if (process.argv[2] === "dev") await runDevelopmentServer();
  else cli.runApp(serverOptions(true));
}
