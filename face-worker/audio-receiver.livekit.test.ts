// The face's receiving side against LiveKit Agents' own sending side (voice.DataStreamAudioOutput),
// through a real LiveKit server: what an agent of anyone's sends, our face hears. Needs WebRTC,
// so a network other than loopback (CI runs its tests in a namespace with one).
import { initializeLogger, voice } from "@livekit/agents";
import { AudioFrame, Room } from "@livekit/rtc-node";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { LIVEKIT_TEST_KEYS, liveKitBinary, startLiveKit } from "@/test/livekit-server";

import { AudioReceiver, type SegmentSink } from "./audio-receiver";
import { AUDIO_STREAM_TOPIC, PUBLISH_ON_BEHALF, RPC_CLEAR_BUFFER } from "./protocol";

const binary = liveKitBinary();
let livekit: Awaited<ReturnType<typeof startLiveKit>>;
const rooms: Room[] = [];
let roomCount = 0;

beforeAll(async () => {
  initializeLogger({ pretty: false, level: "warn" });
  if (binary) livekit = await startLiveKit(binary);
}, 30_000);
afterEach(async () => {
  await Promise.all(rooms.splice(0).map((room) => room.disconnect()));
});
afterAll(async () => {
  await livekit?.stop();
});

async function join(room: string, identity: string, attributes: Record<string, string> = {}) {
  const token = new AccessToken(LIVEKIT_TEST_KEYS.apiKey, LIVEKIT_TEST_KEYS.apiSecret, {
    identity,
    attributes,
  });
  token.addGrant({ room, roomJoin: true });
  const joined = new Room();
  await joined.connect(livekit.url, await token.toJwt(), { autoSubscribe: false, dynacast: false });
  rooms.push(joined);
  return joined;
}

/** Everything the face was handed, in order. */
class RecordingSink implements SegmentSink {
  events: string[] = [];
  samples: number[] = [];
  start(segment: number, format: { sampleRate: number; channels: number }) {
    this.events.push(`start ${segment} ${format.sampleRate}/${format.channels}`);
  }
  audio(_segment: number, samples: Int16Array) {
    this.samples.push(...samples);
  }
  end(segment: number) {
    this.events.push(`end ${segment}`);
  }
  clear() {
    this.events.push("clear");
  }
}

/** A 10 ms frame at 24 kHz whose samples count on from `first`. */
function frame(first: number): AudioFrame {
  const data = Int16Array.from({ length: 240 }, (_, i) => first + i);
  return new AudioFrame(data, 24_000, 1, 240);
}

async function setUp(limits: { maxSegmentIdleSeconds?: number; maxQueuedSegments?: number } = {}) {
  const name = `face-test-${++roomCount}`;
  const faceRoom = await join(name, "face", { [PUBLISH_ON_BEHALF]: "agent" });
  const logs: string[] = [];
  const sink = new RecordingSink();
  const receiver = new AudioReceiver({
    room: faceRoom,
    agentIdentity: "agent",
    sink,
    log: (message) => logs.push(message),
    ...limits,
  });
  const agentRoom = await join(name, "agent");
  const output = new voice.DataStreamAudioOutput({
    room: agentRoom,
    destinationIdentity: "face",
  });
  return { name, faceRoom, agentRoom, receiver, sink, logs, output };
}

describe.skipIf(!binary)("the face's end of LiveKit's avatar protocol", () => {
  it("hears an agent's segments whole, in order, and tells it how much was played", async () => {
    const { receiver, sink, output } = await setUp();
    for (let i = 0; i < 10; i++) await output.captureFrame(frame(i * 240));
    output.flush();
    // (LiveKit Agents closes a segment's stream in the background: a frame sent at once would
    // go to the closing stream. Its pipeline never sends the next segment that soon.)
    await expect.poll(() => sink.events, { timeout: 10_000 }).toContain("end 1");
    for (let i = 0; i < 5; i++) await output.captureFrame(frame(-2400 + i * 240));
    output.flush();

    await expect
      .poll(() => sink.events, { timeout: 10_000 })
      .toEqual(["start 1 24000/1", "end 1", "start 2 24000/1", "end 2"]);
    const expected = [
      ...Array.from({ length: 2400 }, (_, i) => i),
      ...Array.from({ length: 1200 }, (_, i) => -2400 + i),
    ];
    expect(sink.samples).toEqual(expected);

    // The agent waits for its speech to be played out: the face says so, twice.
    const playout = output.waitForPlayout();
    await receiver.playbackFinished({ playbackPosition: 0.1, interrupted: false });
    await receiver.playbackFinished({ playbackPosition: 0.04, interrupted: true });
    expect(await playout).toEqual({
      playbackPosition: 0.04,
      interrupted: true,
      synchronizedTranscript: undefined,
    });
  }, 30_000);

  it("stops at the agent's clear, and refuses streams and clears from anyone else", async () => {
    const { name, sink, output, logs } = await setUp();
    await output.captureFrame(frame(0));
    await expect.poll(() => sink.events, { timeout: 10_000 }).toEqual(["start 1 24000/1"]);
    output.clearBuffer();
    await expect.poll(() => sink.events, { timeout: 10_000 }).toContain("clear");
    output.flush();
    await expect.poll(() => sink.events, { timeout: 10_000 }).toContain("end 1");

    const stranger = await join(name, "stranger");
    const writer = await stranger.localParticipant!.streamBytes({
      topic: AUDIO_STREAM_TOPIC,
      destinationIdentities: ["face"],
      attributes: { sample_rate: "24000", num_channels: "1" },
    });
    await writer.write(new Uint8Array(480));
    await writer.close();
    const answer = await stranger.localParticipant!.performRpc({
      destinationIdentity: "face",
      method: RPC_CLEAR_BUFFER,
      payload: "",
    });
    expect(answer).toBe("reject");
    await expect
      .poll(() => logs.join("\n"), { timeout: 10_000 })
      .toMatch(/refused an audio stream from stranger/);
    expect(logs.join("\n")).toMatch(/refused a clear from stranger/);
    expect(sink.events).toEqual(["start 1 24000/1", "clear", "end 1"]);
  }, 30_000);

  it("logs and survives a malformed segment: a wrong rate, an odd byte count", async () => {
    const { agentRoom, sink, logs } = await setUp();
    const send = async (attributes: Record<string, string>, bytes: Uint8Array) => {
      const writer = await agentRoom.localParticipant!.streamBytes({
        topic: AUDIO_STREAM_TOPIC,
        destinationIdentities: ["face"],
        attributes,
      });
      await writer.write(bytes);
      await writer.close();
    };
    await send({ sample_rate: "44", num_channels: "1" }, new Uint8Array(480));
    await send({ sample_rate: "16000", num_channels: "1" }, new Uint8Array([1, 0, 2, 0, 3]));
    await expect.poll(() => sink.events, { timeout: 10_000 }).toEqual(["start 2 16000/1", "end 2"]);
    expect(sink.samples).toEqual([1, 2]);
    expect(logs.join("\n")).toMatch(/segment 1 refused: sample_rate .* got "44"/);
    expect(logs.join("\n")).toMatch(/segment 2 ended with 1 byte\(s\) that made no whole frame/);
  }, 30_000);

  /** Opens a segment from the agent and sends `bytes`; closes it unless told to leave it open. */
  async function openSegment(agentRoom: Room, bytes: Uint8Array, close = true) {
    const writer = await agentRoom.localParticipant!.streamBytes({
      topic: AUDIO_STREAM_TOPIC,
      destinationIdentities: ["face"],
      attributes: { sample_rate: "16000", num_channels: "1" },
    });
    await writer.write(bytes);
    if (close) await writer.close();
    return writer;
  }

  it("ends a segment whose stream is never closed once it falls idle, and plays the next", async () => {
    const { agentRoom, sink, logs } = await setUp({ maxSegmentIdleSeconds: 1 });
    await openSegment(agentRoom, new Uint8Array([1, 0, 2, 0]), false);
    await openSegment(agentRoom, new Uint8Array([3, 0]));
    await expect
      .poll(() => sink.events, { timeout: 10_000 })
      .toEqual(["start 1 16000/1", "end 1", "start 2 16000/1", "end 2"]);
    expect(sink.samples).toEqual([1, 2, 3]);
    expect(logs.join("\n")).toMatch(/segment 1 sent nothing for 1 s and was never closed/);
  }, 30_000);

  it("refuses segments past the few that may wait, and plays on", async () => {
    const { agentRoom, sink, logs } = await setUp({
      maxSegmentIdleSeconds: 2,
      maxQueuedSegments: 2,
    });
    // One plays (and hangs, never closed); two wait behind it; the fourth and fifth are refused.
    await openSegment(agentRoom, new Uint8Array([1, 0]), false);
    for (const sample of [2, 3, 4, 5]) await openSegment(agentRoom, new Uint8Array([sample, 0]));
    await expect
      .poll(() => sink.events, { timeout: 15_000 })
      .toEqual([
        "start 1 16000/1",
        "end 1",
        "start 2 16000/1",
        "end 2",
        "start 3 16000/1",
        "end 3",
      ]);
    expect(sink.samples).toEqual([1, 2, 3]);
    expect(logs.join("\n")).toMatch(/segment 4 refused: 2 segment\(s\) already wait to play/);
    expect(logs.join("\n")).toMatch(/segment 5 refused/);
    // Once the line has cleared, the face takes segments again.
    await openSegment(agentRoom, new Uint8Array([6, 0]));
    await expect.poll(() => sink.samples, { timeout: 10_000 }).toEqual([1, 2, 3, 6]);
  }, 30_000);

  it("answers a clear when nothing is playing, and plays what comes after it", async () => {
    const { agentRoom, sink } = await setUp();
    const answer = await agentRoom.localParticipant!.performRpc({
      destinationIdentity: "face",
      method: RPC_CLEAR_BUFFER,
      payload: "",
    });
    expect(answer).toBe("ok");
    await openSegment(agentRoom, new Uint8Array([7, 0, 8, 0]));
    await expect
      .poll(() => sink.events, { timeout: 10_000 })
      .toEqual(["clear", "start 1 16000/1", "end 1"]);
    expect(sink.samples).toEqual([7, 8]);
  }, 30_000);
});
