// The face's player through a real LiveKit server: a listener in the room hears the agent's
// segments on the face's microphone track, and an interruption silences it at once; the agent is
// told how much of each segment was played.
import {
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  type RemoteTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
} from "@livekit/rtc-node";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sleep } from "@/lib/sleep";
import { LIVEKIT_TEST_KEYS, liveKitBinary, startLiveKit } from "@/test/livekit-server";

import { rms } from "./audio-level";
import { MOUTH_AT_REST } from "./face/mouth-shape";
import { FacePlayer } from "./face-player";
import type { PlaybackFinished } from "./protocol";

const binary = liveKitBinary();
let livekit: Awaited<ReturnType<typeof startLiveKit>>;
const rooms: Room[] = [];

beforeAll(async () => {
  if (binary) livekit = await startLiveKit(binary);
}, 30_000);
afterAll(async () => {
  await Promise.all(rooms.map((room) => room.disconnect()));
  await livekit?.stop();
});

async function join(identity: string, autoSubscribe: boolean) {
  const token = new AccessToken(LIVEKIT_TEST_KEYS.apiKey, LIVEKIT_TEST_KEYS.apiSecret, {
    identity,
  });
  token.addGrant({ room: "face-player", roomJoin: true });
  const room = new Room();
  await room.connect(livekit.url, await token.toJwt(), { autoSubscribe, dynacast: false });
  rooms.push(room);
  return room;
}

/** A tone at `rate` Hz sampling, `seconds` long, loud enough to tell from silence. */
function tone(rate: number, seconds: number): Int16Array {
  return Int16Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => Math.sin((2 * Math.PI * 440 * i) / rate) * 12_000,
  );
}

describe.skipIf(!binary)("the face's player", () => {
  it("is heard in the room at the pace it plays, and an interruption silences it at once", async () => {
    const face = await join("face", false);
    // A long queue (1 s), so audio already handed to the track would go on playing for a
    // second after an interruption unless the player drops it.
    const source = new AudioSource(48_000, 1, 1_000);
    await face.localParticipant!.publishTrack(
      LocalAudioTrack.createAudioTrack("voice", source),
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    const listener = await join("listener", true);
    const track = await new Promise<RemoteTrack>((resolve) => {
      const found = [...listener.remoteParticipants.values()]
        .flatMap((participant) => [...participant.trackPublications.values()])
        .find((publication) => publication.track?.kind === TrackKind.KIND_AUDIO)?.track;
      if (found) resolve(found);
      listener.on(RoomEvent.TrackSubscribed, (subscribed) => resolve(subscribed));
    });
    // When the listener heard sound, 10 ms at a time.
    const loud: number[] = [];
    let listening = true;
    const reader = new AudioStream(track, { sampleRate: 48_000, numChannels: 1 }).getReader();
    const heard = (async () => {
      while (listening) {
        const { done, value } = await reader.read();
        if (done) break;
        if (rms(value.data) > 0.05) loud.push(Date.now());
      }
      reader.releaseLock();
    })();

    const started: number[] = [];
    const finished: PlaybackFinished[] = [];
    const player = new FacePlayer(source, {
      started: () => started.push(Date.now()),
      finished: (event) => finished.push(event),
    });
    const play = async (id: number, samples: Int16Array, rate: number) => {
      player.start(id, { sampleRate: rate, channels: 1 });
      const chunk = rate / 10; // 100 ms, as a stream's chunks might come
      for (let at = 0; at < samples.length; at += chunk) {
        await player.audio(id, samples.subarray(at, at + chunk));
      }
      await player.end(id);
    };

    // One second at 24 kHz (resampled to the track's 48 kHz), played out whole.
    const began = Date.now();
    await play(1, tone(24_000, 1), 24_000);
    expect(started).toHaveLength(1);
    expect(finished).toEqual([{ playbackPosition: expect.closeTo(1, 1), interrupted: false }]);
    // It took as long as it lasts: read at the pace it played, not all at once.
    expect(Date.now() - began).toBeGreaterThan(800);
    await expect.poll(() => loud.length, { timeout: 5_000 }).toBeGreaterThan(60);
    const firstSegment = loud.length;

    // Three seconds, interrupted after about half a second: the room hears no more of it.
    const playing = play(2, tone(48_000, 3), 48_000);
    await expect.poll(() => started.length, { timeout: 5_000 }).toBe(2);
    await sleep(500);
    expect(player.mouth.shapeAt()).not.toEqual(MOUTH_AT_REST);
    const clearedAt = Date.now();
    player.clear();
    await playing;
    expect(finished).toHaveLength(2);
    expect(finished[1]).toMatchObject({ interrupted: true });
    expect(finished[1]!.playbackPosition).toBeGreaterThan(0.2);
    expect(finished[1]!.playbackPosition).toBeLessThan(1.5);
    expect(player.mouth.shapeAt()).toEqual(MOUTH_AT_REST);
    await sleep(1_000);
    listening = false;
    const after = loud.slice(firstSegment).filter((at) => at > clearedAt + 300);
    expect(after, "sound heard more than 300 ms after the interruption").toEqual([]);
    await heard.catch(() => {});
  }, 60_000);
});
