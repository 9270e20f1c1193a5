import { SpeechSynthesizer } from "@/avatar-worker/speech/speech-synthesizer";

/** `line` in a voice unlike Jeremy's (48 kHz mono), as a benchmark's user says it. */
export async function userSpeech(line: string): Promise<Int16Array> {
  const synthesizer = new SpeechSynthesizer({ voice: "en-us+f3", rate: 170 });
  try {
    return (await synthesizer.synthesize(line)).samples;
  } finally {
    await synthesizer.close();
  }
}
