// Finds the LiveKit server binary: LIVEKIT_SERVER_BIN, then `livekit-server` on the PATH, then
// the project-local install in .bin/. Failing those it builds one with Go when Go is present.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, renameSync } from "node:fs";
import path from "node:path";

export const LIVEKIT_SERVER_VERSION = "v1.13.5";
const projectBin = path.resolve(".bin");
const localBinary = path.join(projectBin, "livekit-server");

function onPath(name) {
  const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** The path of a runnable LiveKit server, or null. */
export function findLiveKitServer() {
  const fromEnv = process.env.LIVEKIT_SERVER_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(`LIVEKIT_SERVER_BIN points at ${fromEnv}, which does not exist.`);
    return fromEnv;
  }
  return onPath("livekit-server") ?? (existsSync(localBinary) ? localBinary : null);
}

/** For command-line scripts: the LiveKit server (as ensureLiveKitServer), or exit saying why not. */
export function liveKitServerOrExit() {
  try {
    return ensureLiveKitServer();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

/** Finds the LiveKit server, installing it into .bin/ with Go if needed; explains if it cannot. */
export function ensureLiveKitServer({ log = console.log } = {}) {
  const found = findLiveKitServer();
  if (found) return found;
  if (!onPath("go")) {
    throw new Error(
      [
        "The LiveKit server was not found, and Go is not installed to build it. Any one of these works:",
        "  - install Go (https://go.dev/dl/) and run this again: it builds the server into .bin/",
        "  - install livekit-server (https://docs.livekit.io/home/self-hosting/local/) so it is on your PATH",
        "  - set LIVEKIT_SERVER_BIN to the path of a livekit-server binary",
        "  - or use LiveKit Cloud: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET",
      ].join("\n"),
    );
  }
  log(
    `Building the LiveKit server ${LIVEKIT_SERVER_VERSION} with Go into .bin/ (once; takes a few minutes)...`,
  );
  execFileSync(
    "go",
    ["install", `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_SERVER_VERSION}`],
    {
      env: { ...process.env, GOBIN: projectBin },
      stdio: "inherit",
    },
  );
  renameSync(path.join(projectBin, "server"), localBinary);
  return localBinary;
}
