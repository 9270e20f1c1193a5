// The Jeremy avatar worker: registers with LiveKit under an agent name, and runs one
// conversation per dispatched job, each in its own process (LiveKit Agents' job processes).
// Run it with `npm run worker` (or `npm run dev`, which starts it beside the app).
import { fileURLToPath } from "node:url";

import { cli, defineAgent, ServerOptions, type JobProcess } from "@livekit/agents";

import { AVATAR } from "@/lib/providers/local/worker-contract";

import { readWorkerEnv } from "./env";
import { runJeremySession } from "./session/jeremy-session";
import { warmUp, type WarmKit } from "./session/warm-up";

interface ProcessData {
  kit?: WarmKit;
}

const env = readWorkerEnv();

export default defineAgent<ProcessData>({
  // Job processes are started ahead of demand; warming them here keeps loading the voice and
  // the face off the path between a user pressing Start and Jeremy appearing.
  prewarm: async (proc: JobProcess<ProcessData>) => {
    proc.userData.kit = await warmUp();
  },
  entry: async (ctx) => {
    await runJeremySession(ctx, env, ctx.proc.userData.kit ?? (await warmUp()));
  },
});

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  cli.runApp(
    new ServerOptions({
      agent: fileURLToPath(import.meta.url),
      agentName: env.LIVEKIT_AGENT_NAME,
      wsURL: env.LIVEKIT_URL,
      apiKey: env.LIVEKIT_API_KEY,
      apiSecret: env.LIVEKIT_API_SECRET,
      port: env.JEREMY_HEALTH_PORT,
      initializeProcessTimeout: 30_000,
      requestFunc: async (request) => request.accept(AVATAR.name, AVATAR.identity),
      // Capacity is a number of conversations, not a CPU reading, so a busy test machine or a
      // noisy neighbour does not turn Jeremy away; more workers add capacity.
      loadFunc: async (server) => server.activeJobs.length / env.JEREMY_MAX_SESSIONS,
      loadThreshold: 1,
    }),
  );
}
