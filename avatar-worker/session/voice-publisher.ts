import { AudioFrame, type Room } from "@livekit/rtc-node";

import { MOUTH_AT_REST, type MouthKeyframe, type MouthShape } from "../face/mouth-shape";
import { toFrames } from "../speech/pcm";

import { publishAudioTrack } from "./audio-track";
import { mouthAt } from "./mouth-timeline";

export const VOICE_SAMPLE_RATE = 48_000;
// A short queue keeps what Jeremy's mouth shows close to what the listener hears.
const QUEUE_MS = 200;

interface Playing {
  mouth: readonly MouthKeyframe[];
  /** performance.now() at which the first sample is heard. */
  startsAt: number;
  endsAt: number;
}

/**
 * Publishes Jeremy's voice as an audio track and plays clips into it one after another, keeping
 * track of what is being heard so the face can move its mouth in time.
 */
export async function publishVoice(room: Room) {
  const { source, publication } = await publishAudioTrack(room, {
    name: "jeremy-voice",
    sampleRate: VOICE_SAMPLE_RATE,
    queueMs: QUEUE_MS,
  });
  let playing: Playing | undefined;
  let firstAudioAt: number | undefined;

  return {
    trackSid: () => publication.sid,
    /** When the first audio of this session was queued (for latency measurements). */
    firstAudioAt: () => firstAudioAt,

    /** Plays a clip to the end (48 kHz mono); `mouth` is its timeline from the clip's start. */
    async play(samples: Int16Array, mouth: readonly MouthKeyframe[]): Promise<void> {
      const startsAt = performance.now() + source.queuedDuration;
      playing = { mouth, startsAt, endsAt: startsAt + (samples.length / VOICE_SAMPLE_RATE) * 1000 };
      firstAudioAt ??= performance.now();
      for (const frame of toFrames(samples, VOICE_SAMPLE_RATE, 20)) {
        await source.captureFrame(new AudioFrame(frame, VOICE_SAMPLE_RATE, 1, frame.length));
      }
      await source.waitForPlayout();
    },

    /** Whether Jeremy is audible right now. */
    speaking(now = performance.now()): boolean {
      return playing !== undefined && now >= playing.startsAt && now < playing.endsAt;
    },

    mouthNow(now = performance.now()): MouthShape {
      if (!playing || now >= playing.endsAt) return MOUTH_AT_REST;
      return mouthAt(playing.mouth, now - playing.startsAt);
    },

    async close() {
      await source.close();
    },
  };
}

export type Voice = Awaited<ReturnType<typeof publishVoice>>;
