// The face worker as an agent of anyone's would use it, through a real LiveKit server: the test
// agent below uses only LiveKit's public APIs (an explicit dispatch, LiveKit Agents'
// DataStreamAudioOutput), none of Jeremy's brain.
import { spawn, type ChildProcess } from "node:child_process";

import { initializeLogger, voice } from "@livekit/agents";
import { AudioFrame, Room, TrackSource, type RemoteParticipant } from "@livekit/rtc-node";
import { AccessToken, AgentDispatchClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { stopProcess } from "@/scripts/lib/processes.mjs";
import { freePort } from "@/test/ports";
import { LIVEKIT_TEST_KEYS, liveKitBinary, startLiveKit } from "@/test/livekit-server";

import { faceDispatchMetadata, faceIdentity } from "./dispatch";
import { PUBLISH_ON_BEHALF } from "./protocol";

const FACE_AGENT = "test-face";
const binary = liveKitBinary();
let livekit: Awaited<ReturnType<typeof startLiveKit>>;
let worker: ChildProcess;
let workerLog = "";
const rooms: Room[] = [];

beforeAll(async () => {
  initializeLogger({ pretty: false, level: "warn" });
  if (!binary) return;
  livekit = await startLiveKit(binary);
  worker = spawn(process.execPath, ["--import", "tsx", "face-worker/main.ts", "start"], {
    env: {
      ...process.env,
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: LIVEKIT_TEST_KEYS.apiKey,
      LIVEKIT_API_SECRET: LIVEKIT_TEST_KEYS.apiSecret,
      FACE_AGENT_NAME: FACE_AGENT,
      FACE_HEALTH_PORT: String(await freePort()),
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  for (const stream of [worker.stdout!, worker.stderr!]) {
    stream.on("data", (chunk: Buffer) => (workerLog += chunk.toString()));
  }
  const deadline = Date.now() + 60_000;
  while (!/registered worker/.test(workerLog)) {
    if (Date.now() > deadline) throw new Error(`The face worker did not register:\n${workerLog}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 90_000);

afterAll(async () => {
  await Promise.all(rooms.map((room) => room.disconnect()));
  if (worker) await stopProcess(worker);
  await livekit?.stop();
}, 30_000);

async function join(room: string, identity: string) {
  const token = new AccessToken(LIVEKIT_TEST_KEYS.apiKey, LIVEKIT_TEST_KEYS.apiSecret, {
    identity,
  });
  token.addGrant({ room, roomJoin: true });
  const joined = new Room();
  await joined.connect(livekit.url, await token.toJwt(), { autoSubscribe: false, dynacast: false });
  rooms.push(joined);
  return joined;
}

function dispatch(room: string, metadata: string) {
  return new AgentDispatchClient(
    livekit.url.replace("ws", "http"),
    LIVEKIT_TEST_KEYS.apiKey,
    LIVEKIT_TEST_KEYS.apiSecret,
  ).createDispatch(room, FACE_AGENT, { metadata });
}

function sources(participant: RemoteParticipant | undefined): TrackSource[] {
  return [...(participant?.trackPublications.values() ?? [])].map((p) => p.source!);
}

/** `seconds` of a tone at 24 kHz, in 10 ms frames. */
function toneFrames(seconds: number): AudioFrame[] {
  return Array.from({ length: Math.round(seconds * 100) }, (_, n) => {
    const data = Int16Array.from(
      { length: 240 },
      (_, i) => Math.sin((2 * Math.PI * 440 * (n * 240 + i)) / 24_000) * 12_000,
    );
    return new AudioFrame(data, 24_000, 1, 240);
  });
}

describe.skipIf(!binary)("the face worker, dispatched by an agent", () => {
  it("joins for the agent, shows and voices it, answers every segment, and leaves with it", async () => {
    const agent = await join("face-room-1", "agent-1");
    const observer = await join("face-room-1", "observer");
    await dispatch("face-room-1", faceDispatchMetadata({ agentIdentity: "agent-1" }));

    // The face: its own participant, speaking on behalf of the agent, with video and voice.
    const face = () => agent.remoteParticipants.get(faceIdentity("agent-1"));
    await expect
      .poll(() => face()?.attributes[PUBLISH_ON_BEHALF], { timeout: 30_000 })
      .toBe("agent-1")
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\nThe face worker's log:\n${workerLog}`);
      });
    await expect
      .poll(() => sources(face()).sort(), { timeout: 15_000 })
      .toEqual([TrackSource.SOURCE_CAMERA, TrackSource.SOURCE_MICROPHONE].sort());

    const output = new voice.DataStreamAudioOutput({
      room: agent,
      destinationIdentity: faceIdentity("agent-1"),
    });
    for (const frame of toneFrames(0.5)) await output.captureFrame(frame);
    output.flush();
    const played = await output.waitForPlayout();
    expect(played).toMatchObject({ interrupted: false });
    expect(played.playbackPosition).toBeGreaterThan(0.4);
    expect(played.playbackPosition).toBeLessThan(0.7);

    // An interruption: the face says how much of it was played.
    for (const frame of toneFrames(3)) await output.captureFrame(frame);
    await new Promise((resolve) => setTimeout(resolve, 500));
    output.clearBuffer();
    output.flush();
    const cut = await output.waitForPlayout();
    expect(cut).toMatchObject({ interrupted: true });
    expect(cut.playbackPosition).toBeLessThan(2);

    // The agent leaves; so does its face. (First a moment for the segment's stream to finish
    // closing: LiveKit Agents closes it in the background without catching, so leaving while it
    // closes rejects unhandled, in the agent's process.)
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await agent.disconnect();
    await expect
      .poll(() => observer.remoteParticipants.has(faceIdentity("agent-1")), { timeout: 20_000 })
      .toBe(false);
    await expect.poll(() => workerLog, { timeout: 10_000 }).toMatch(/"reason":"the agent left"/);
  }, 120_000);

  it("declines a dispatch that does not say whom the face speaks for", async () => {
    const observer = await join("face-room-2", "observer");
    await dispatch("face-room-2", JSON.stringify({ agent: "nobody" }));
    await expect
      .poll(() => workerLog, { timeout: 20_000 })
      .toMatch(/Declining face job .*agentIdentity/);
    expect([...observer.remoteParticipants.keys()]).toEqual([]);
  }, 60_000);
});
