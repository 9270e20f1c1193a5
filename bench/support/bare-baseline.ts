// Runs bench/support/bare-handler.ts as a process of its own and hands back its URL.
import { type ChildProcess, spawn } from "node:child_process";

import { freePort } from "@/test/ports";

/** Starts the bare handlers on `databaseUrl`, answering with the given round trips per call. */
export async function startBareHandler(
  databaseUrl: string,
  roundTrips: { start: number; stop: number },
) {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "bench/support/bare-handler.ts"],
    {
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        START_ROUND_TRIPS: String(roundTrips.start),
        STOP_ROUND_TRIPS: String(roundTrips.stop),
      },
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`the bare handler exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  };
}
