// The face worker: registers with LiveKit under FACE_AGENT_NAME and draws and voices Jeremy for
// any agent that dispatches it (./dispatch.ts says how), one face per job. It is LiveKit's
// avatar worker: the agent keeps the conversation, the face only shows and speaks it.
// `npm run face` runs `start`.
import { fileURLToPath } from "node:url";

import { AutoSubscribe, cli, defineAgent, ServerOptions } from "@livekit/agents";

import { faceAttributes, faceIdentity, readFaceRequest } from "./dispatch";
import { readFaceEnv } from "./env";
import { runFace } from "./face-session";

const env = readFaceEnv();

export default defineAgent({
  entry: async (ctx) => {
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
      return request.accept("Jeremy", faceIdentity(asked.agentIdentity), "", faceAttributes(asked));
    },
    // Capacity is a number of faces, as the brain's is a number of conversations.
    loadFunc: async (server) => server.activeJobs.length / env.FACE_MAX_SESSIONS,
    loadThreshold: 1,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) cli.runApp(serverOptions());
