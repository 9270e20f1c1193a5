// The synthesis thread: loads espeak-ng once, then voices one request at a time.

import { parentPort, workerData } from "node:worker_threads";

import { loadVoice, type VoiceSettings } from "./espeak-voice";
import type { ThreadData } from "./start-thread";
import type { Utterance } from "./utterance";

export interface SynthRequest {
  id: number;
  text: string;
}

export type SynthReply =
  | { type: "ready" }
  | { type: "done"; id: number; utterance: Utterance }
  | { type: "failed"; id: number; message: string };

const WARM_UP_TEXT =
  "Hello there! Thanks for joining me today. Could you walk me through your experience, " +
  "and tell me which project you're proudest of? Why was that, exactly?";

const port = parentPort;
if (!port) throw new Error("synth-thread.ts runs only as a worker thread");

const voice = await loadVoice((workerData as ThreadData<VoiceSettings>).data);
// espeak-ng is compiled to plain JavaScript (wasm2js): its first sentences run several times
// slower until V8 has optimised them, so spend that time now rather than on the first reply.
for (let round = 0; round < 3; round++) voice(WARM_UP_TEXT);
port.postMessage({ type: "ready" } satisfies SynthReply);

port.on("message", ({ id, text }: SynthRequest) => {
  try {
    const utterance = voice(text);
    port.postMessage({ type: "done", id, utterance } satisfies SynthReply, [
      utterance.samples.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: "failed", id, message } satisfies SynthReply);
  }
});
