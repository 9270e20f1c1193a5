// `npm run livekit:install`: makes sure a LiveKit server is available (see scripts/lib/livekit-binary.mjs).
import { ensureLiveKitServer } from "./lib/livekit-binary.mjs";

try {
  console.log(`LiveKit server: ${ensureLiveKitServer()}`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
