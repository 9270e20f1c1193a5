// A user's microphone from Node: publishes a 48 kHz mono track fed in real time, 10 ms at a
// time, with silence between the clips it is asked to say. Being paced like a real
// microphone is what lets a benchmark know exactly when the user stopped talking.
import { AudioFrame, type Room } from "@livekit/rtc-node";

import { publishAudioTrack } from "@/face-worker/audio-track";
import { rms, toDb, toFrames } from "@/avatar-worker/speech/pcm";
import { sleep } from "@/lib/sleep";

const SAMPLE_RATE = 48_000;
const FRAME_MS = 10;
const FRAME = (SAMPLE_RATE * FRAME_MS) / 1000;
// Quieter than this is silence, not speech (the level the fake OpenAI server also refuses).
const VOICED_DB = -50;
// A short queue: a frame leaves within a frame or two of being captured.
const QUEUE_MS = 30;

interface Clip {
  frames: Int16Array[];
  done: (endOfSpeechAt: number) => void;
}

interface Playing extends Clip {
  next: number;
  lastVoicedAt: number;
}

export type Microphone = Awaited<ReturnType<typeof publishMicrophone>>;

/** Publishes the microphone track; it sends silence until `say` is called. */
export async function publishMicrophone(room: Room) {
  const { source } = await publishAudioTrack(room, {
    name: "microphone",
    sampleRate: SAMPLE_RATE,
    queueMs: QUEUE_MS,
  });
  const clips: Clip[] = [];
  const silence = new Int16Array(FRAME);
  let running = true;

  const feed = async () => {
    let current: Playing | undefined;
    let due = performance.now();
    while (running) {
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      // After a long stall, start afresh rather than burst: a real microphone does not catch up.
      if (performance.now() - due > 200) due = performance.now();
      if (!current && clips.length > 0) current = { ...clips.shift()!, next: 0, lastVoicedAt: 0 };
      const frame = current ? (current.frames[current.next++] ?? silence) : silence;
      const capturedAt = performance.now();
      await source.captureFrame(new AudioFrame(frame, SAMPLE_RATE, 1, FRAME));
      if (current && toDb(rms(frame)) > VOICED_DB) current.lastVoicedAt = capturedAt;
      if (current && current.next >= current.frames.length) {
        current.done(current.lastVoicedAt);
        current = undefined;
      }
      due += FRAME_MS;
    }
  };
  const feeding = feed();

  return {
    /**
     * Says `samples` (48 kHz mono), then goes back to silence. Resolves, once the clip has been
     * sent, with performance.now() at which its last voiced 10 ms frame was captured.
     */
    say(samples: Int16Array): Promise<number> {
      return new Promise((done) =>
        clips.push({ frames: toFrames(samples, SAMPLE_RATE, FRAME_MS), done }),
      );
    },
    async close() {
      running = false;
      await feeding.catch(() => undefined);
      await source.close();
    },
  };
}
