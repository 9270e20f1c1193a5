// Runs espeak-ng synchronously. Only the synthesis thread calls this: one sentence takes tens
// of milliseconds of CPU, which the worker's 25 fps video loop cannot spare.

import init, { type eSpeakNGWorker } from "@echogarden/espeak-ng-emscripten";

import { concatPcm } from "./pcm";
import { mouthFromPhonemes, type TimedPhoneme } from "./phoneme-mouth";
import { resample } from "./resample";
import type { Utterance } from "./utterance";

export interface VoiceSettings {
  /** espeak-ng voice with an optional variant, e.g. "en-us+m3". */
  voice: string;
  /** Words per minute; espeak's default is 175. */
  rate: number;
  /** 0..99 around espeak's default of 50; leave unset to keep the variant's own pitch. */
  pitch?: number;
  /** Output sample rate. */
  sampleRate: number;
}

/** Loads espeak-ng (about 100 ms and 24 MB of data) and returns a function that voices text. */
export async function loadVoice(settings: VoiceSettings): Promise<(text: string) => Utterance> {
  const espeak = await init();
  const engine = new espeak.eSpeakNGWorker();
  if (engine.set_voice(settings.voice) !== 0)
    throw new Error(`espeak-ng has no voice "${settings.voice}"`);
  engine.set_rate(settings.rate);
  if (settings.pitch !== undefined) engine.set_pitch(settings.pitch);
  return (text) => synthesize(engine, text, settings.sampleRate);
}

function synthesize(engine: eSpeakNGWorker, text: string, sampleRate: number): Utterance {
  const chunks: Int16Array[] = [];
  const phonemes: TimedPhoneme[] = [];
  engine.synthesize(text, (samples, events) => {
    chunks.push(samples);
    for (const event of events) {
      if (event.type === "phoneme")
        phonemes.push({ ipa: String(event.id ?? ""), atMs: event.audio_position });
    }
    // Returning true would abort the synthesis.
    return false;
  });
  const native = concatPcm(chunks);
  const mouth = mouthFromPhonemes(phonemes, native, engine.samplerate);
  const samples = resample(native, engine.samplerate, sampleRate);
  return { text, sampleRate, samples, durationMs: (samples.length / sampleRate) * 1000, mouth };
}
