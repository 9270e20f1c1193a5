// `npm run start:all`: the production app (`next start`, after `npm run build`) and the Jeremy
// worker together on one machine, with prefixed logs; either one dying stops both. LiveKit is
// not started here: production uses LiveKit Cloud or your own cluster (LIVEKIT_URL and keys).
import { loadEnvFiles } from "./lib/load-env-files.mjs";
import { createProcessGroup } from "./lib/processes.mjs";

loadEnvFiles();
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const group = createProcessGroup();
group.start({
  name: "next",
  command: process.execPath,
  args: ["node_modules/next/dist/bin/next", "start"],
});
group.start({
  name: "worker",
  command: process.execPath,
  args: ["--import", "tsx", "avatar-worker/main.ts", "start"],
});
