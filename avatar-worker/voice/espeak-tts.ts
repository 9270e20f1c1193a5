// Jeremy's offline voice (espeak-ng, ../speech/) behind LiveKit Agents' TTS interface, so the
// framework's agent session can speak with it like with any cloud voice. Not a streaming TTS:
// the framework hands it one sentence at a time. Each 20 ms frame carries the mouth shape the
// synthesizer's phoneme timing gives for it, for Jeremy's face (./face-audio-output.ts).
import { randomUUID } from "node:crypto";

import { type APIConnectOptions, tts } from "@livekit/agents";
import { AudioFrame } from "@livekit/rtc-node";

import { mouthAt } from "../speech/mouth-keyframes";
import { toFrames } from "../speech/pcm";
import type { SpeechSynthesizer } from "../speech/speech-synthesizer";

import { MOUTH_USERDATA } from "./face-audio-output";

const FRAME_MS = 20;

export class EspeakTTS extends tts.TTS {
  label = "espeak-ng";

  constructor(
    readonly synthesizer: SpeechSynthesizer,
    sampleRate: number,
  ) {
    super(sampleRate, 1, { streaming: false });
  }

  get model(): string {
    return "espeak-ng";
  }

  synthesize(
    text: string,
    connOptions?: APIConnectOptions,
    abortSignal?: AbortSignal,
  ): tts.ChunkedStream {
    return new EspeakStream(text, this, connOptions, abortSignal);
  }

  stream(): tts.SynthesizeStream {
    throw new Error(
      "espeak-ng is not a streaming TTS: the agent session wraps it in a StreamAdapter",
    );
  }
}

class EspeakStream extends tts.ChunkedStream {
  label = "espeak-ng";

  constructor(
    text: string,
    private readonly voice: EspeakTTS,
    connOptions?: APIConnectOptions,
    abortSignal?: AbortSignal,
  ) {
    super(text, voice, connOptions, abortSignal);
  }

  protected async run(): Promise<void> {
    const utterance = await this.voice.synthesizer.synthesize(this.inputText);
    const requestId = randomUUID();
    const frames = toFrames(utterance.samples, utterance.sampleRate, FRAME_MS);
    for (const [index, samples] of frames.entries()) {
      if (this.abortSignal.aborted) return;
      const mouth = mouthAt(utterance.mouth, index * FRAME_MS + FRAME_MS / 2);
      const frame = new AudioFrame(samples, utterance.sampleRate, 1, samples.length, {
        [MOUTH_USERDATA]: mouth,
      });
      this.queue.put({
        requestId,
        segmentId: requestId,
        frame,
        final: index === frames.length - 1,
      });
    }
  }
}
