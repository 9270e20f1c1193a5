// The face worker: registers with LiveKit under FACE_AGENT_NAME and draws and voices Jeremy for
// any agent that dispatches it (./dispatch.ts says how), one face per job. It is LiveKit's
// avatar worker: the agent keeps the conversation, the face only shows and speaks it.
// `npm run face` runs `start`.
import { fileURLToPath } from "node:url";

import { type AgentServer, AutoSubscribe, cli, defineAgent, ServerOptions } from "@livekit/agents";

import { reportCapacity } from "@/lib/workers/capacity-report";
import {
  forgetJobProcessesOnExit,
  JobReadiness,
  markJobProcess,
} from "@/lib/workers/process-readiness";

import { faceAttributes, faceIdentity, readFaceRequest } from "./dispatch";
import { readFaceEnv } from "./env";
import { runFace } from "./face-session";

const env = readFaceEnv();
const readiness = new JobReadiness(env.FACE_MAX_SESSIONS);
/** This process's server, once LiveKit Agents hands it to loadFunc (the main process only). */
let running: AgentServer | undefined;

export default defineAgent({
  // Said here, so the app counts only the faces this worker can begin at once.
  prewarm: async () => markJobProcess("warm"),
  entry: async (ctx) => {
    markJobProcess("busy");
    const request = readFaceRequest(ctx.job.metadata);
    if ("error" in request) {
      ctx.shutdown(request.error);
      return;
    }
    const log = (message: string) => console.warn(`[face ${ctx.job.room?.name}] ${message}`);
    await ctx.connect(undefined, AutoSubscribe.SUBSCRIBE_NONE);
    const ended = await runFace(ctx.room, request, { fps: env.FACE_FPS, log });
    console.log(`[face ${ctx.job.room?.name}] ended: ${JSON.stringify(ended)}`);
    ctx.shutdown(ended.reason);
  },
});

function serverOptions() {
  return new ServerOptions({
    agent: fileURLToPath(import.meta.url),
    agentName: env.FACE_AGENT_NAME,
    wsURL: env.LIVEKIT_URL,
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    port: env.FACE_HEALTH_PORT,
    production: true,
    numIdleProcesses: 1,
    // A request that does not say whom the face speaks for is declined: no face joins.
    requestFunc: async (request) => {
      const asked = readFaceRequest(request.job.metadata);
      if ("error" in asked) {
        console.warn(`Declining face job ${request.job.id}: ${asked.error}`);
        return request.reject();
      }
      readiness.accepted();
      return request.accept("Jeremy", faceIdentity(asked.agentIdentity), "", faceAttributes(asked));
    },
    // Capacity is a number of faces, as the brain's is a number of conversations.
    loadFunc: async (server) => {
      running = server;
      return server.activeJobs.length / env.FACE_MAX_SESSIONS;
    },
    loadThreshold: 1,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The app starts a conversation whose brain needs a face only while some face has room: tell it
  // ours, as the brain tells it its own (lib/workers/capacity-report.ts).
  forgetJobProcessesOnExit();
  reportCapacity(
    {
      appUrl: env.APP_URL,
      apiKey: env.LIVEKIT_API_KEY,
      apiSecret: env.LIVEKIT_API_SECRET,
      agentName: env.FACE_AGENT_NAME,
      maxSessions: env.FACE_MAX_SESSIONS,
    },
    () => {
      if (!running) return null;
      const activeJobs = running.activeJobs.length;
      return { activeJobs, readyProcesses: readiness.readyNow(activeJobs) };
    },
  );
  cli.runApp(serverOptions());
}
