// `npm run dev`: the LiveKit server (unless LIVEKIT_URL names one), the Jeremy worker and Next,
// together, with prefixed logs. Ctrl-C, or any one of them dying, stops all three.
import { ensureLiveKitServer } from "./lib/livekit-binary.mjs";
import { loadEnvFiles } from "./lib/load-env-files.mjs";
import { createProcessGroup, waitForHttp } from "./lib/processes.mjs";

loadEnvFiles();
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const group = createProcessGroup();

if (process.env.LIVEKIT_URL) {
  console.log(
    `Using the LiveKit deployment at ${process.env.LIVEKIT_URL}; no local LiveKit server started.`,
  );
} else {
  let binary;
  try {
    binary = ensureLiveKitServer();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  group.start({ name: "livekit", command: binary, args: ["--config", "livekit/livekit.dev.yaml"] });
  await waitForHttp("http://127.0.0.1:7880");
}

// tsx watch restarts the worker when a file it imports changes; the worker keeps warm job
// processes ready, as in production, so a conversation does not wait for one to start.
group.start({
  name: "worker",
  command: process.execPath,
  args: [
    "node_modules/tsx/dist/cli.mjs",
    "watch",
    "--clear-screen=false",
    "avatar-worker/main.ts",
    "dev",
  ],
});
group.start({
  name: "next",
  command: process.execPath,
  args: ["node_modules/next/dist/bin/next", "dev"],
});
