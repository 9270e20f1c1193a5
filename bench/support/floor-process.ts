// Starts bench/support/encoder-floor.ts in a room of its own, receives what it sends, and
// measures its CPU: the cost of encoding one conversation's media and nothing else.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

import { Room, RoomEvent, type RemoteTrack, TrackKind } from "@livekit/rtc-node";
import { AccessToken } from "livekit-server-sdk";

import { STACK } from "@/e2e/support/stack";
import { sleep } from "@/lib/sleep";

import { withDeadline } from "./deadline";
import { countFrames } from "./frame-counter";
import { treeCpu } from "./process-cpu";

async function token(room: string, identity: string) {
  const at = new AccessToken(STACK.apiKey, STACK.apiSecret, { identity, ttl: 600 });
  at.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true });
  return at.toJwt();
}

/** The floor's CPU (% of one core) over `windowMs`, with the frame rate a viewer received. */
export async function measureEncoderFloor(fps: number, windowMs: number) {
  const roomName = `encoder-floor-${randomBytes(3).toString("hex")}`;
  const child = spawn(process.execPath, ["--import", "tsx", "bench/support/encoder-floor.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      LIVEKIT_URL: STACK.livekitUrl,
      FLOOR_TOKEN: await token(roomName, "floor"),
      JEREMY_FPS: String(fps),
    },
  });
  const viewer = new Room();
  try {
    await withDeadline(
      new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (chunk: Buffer) => {
          if (chunk.toString().includes("ready")) resolve();
        });
        child.once("exit", (code) => reject(new Error(`the encoder floor exited with ${code}`)));
      }),
      60_000,
      "the encoder floor's start",
    );
    const video = new Promise<RemoteTrack>((resolve) =>
      viewer.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
        if (track.kind === TrackKind.KIND_VIDEO) resolve(track);
      }),
    );
    await viewer.connect(STACK.livekitUrl, await token(roomName, "viewer"), {
      autoSubscribe: true,
      dynacast: false,
    });
    const frames = countFrames(await withDeadline(video, 20_000, "the floor's video"));
    await withDeadline(frames.firstFrame, 20_000, "the floor's first frame");
    await sleep(3_000); // the encoder settles on its bitrate
    const pid = child.pid!;
    const before = treeCpu(pid).get(pid) ?? 0;
    const t0 = performance.now();
    await sleep(windowMs);
    const t1 = performance.now();
    const used = (treeCpu(pid).get(pid) ?? 0) - before;
    frames.close();
    return { cpuPercent: (used / ((t1 - t0) / 1000)) * 100, fps: frames.fps(t0, t1) };
  } finally {
    await viewer.disconnect().catch(() => undefined);
    child.kill("SIGKILL");
  }
}
