// `npm run dev`: Next, and for the local avatar the LiveKit server (unless LIVEKIT_URL names one)
// and the Jeremy worker, together, with prefixed logs. Ctrl-C, or any one dying, stops them all.
import { devPlan, FACE_ENTRY, loadManifests, WORKER_ENTRY } from "./lib/dev-plan.mjs";
import { liveKitServerOrExit } from "./lib/livekit-binary.mjs";
import { loadEnvFiles } from "./lib/load-env-files.mjs";
import { createProcessGroup, waitForHttp } from "./lib/processes.mjs";

loadEnvFiles();
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
let plan;
try {
  plan = devPlan(process.env, await loadManifests());
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
for (const note of plan.notes) console.log(note);
const group = createProcessGroup();

if (plan.livekit) {
  group.start({
    name: "livekit",
    command: liveKitServerOrExit(),
    args: ["--config", "livekit/livekit.dev.yaml"],
  });
  await waitForHttp("http://127.0.0.1:7880");
}

// tsx watch restarts the worker when a file it imports changes; the worker keeps warm job
// processes ready, as in production, so a conversation does not wait for one to start.
if (plan.worker) {
  group.start({
    name: "worker",
    command: process.execPath,
    args: ["node_modules/tsx/dist/cli.mjs", "watch", "--clear-screen=false", WORKER_ENTRY, "dev"],
  });
}
if (plan.face) {
  group.start({
    name: "face",
    command: process.execPath,
    args: ["node_modules/tsx/dist/cli.mjs", "watch", "--clear-screen=false", FACE_ENTRY, "start"],
  });
}
group.start({
  name: "next",
  command: process.execPath,
  args: ["node_modules/next/dist/bin/next", "dev"],
});
