// Writes the sound Chromium's fake microphone plays (--use-file-for-fake-audio-capture): real
// speech, synthesized with Jeremy's own offline voice, between stretches of silence. Chromium
// loops it, so the "user" speaks for a few seconds, then pauses, over and over.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { concatPcm } from "@/avatar-worker/speech/pcm";
import { SpeechSynthesizer } from "@/avatar-worker/speech/speech-synthesizer";
import { encodeWav } from "@/test/wav";

export const FAKE_MICROPHONE_WAV = path.resolve("test-results", "fake-microphone.wav");
const USER_LINE =
  "Hi Jeremy. My name is Ada, and I have five years of experience in customer support.";

/** Synthesizes the user's line and writes it as a 48 kHz mono WAV with silence around it. */
export async function writeFakeMicrophone(file = FAKE_MICROPHONE_WAV) {
  const synthesizer = new SpeechSynthesizer({ voice: "en-us+f3", rate: 170 });
  try {
    const speech = await synthesizer.synthesize(USER_LINE);
    const silence = (ms: number) => new Int16Array((speech.sampleRate * ms) / 1000);
    const samples = concatPcm([silence(1500), speech.samples, silence(4500)]);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, encodeWav(samples, speech.sampleRate));
    return {
      file,
      speechMs: speech.durationMs,
      totalMs: (samples.length / speech.sampleRate) * 1000,
    };
  } finally {
    await synthesizer.close();
  }
}
