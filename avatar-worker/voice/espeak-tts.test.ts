import { initializeLogger } from "@livekit/agents";
import type { AudioFrame } from "@livekit/rtc-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { MouthShape } from "@/face-worker/face/mouth-shape";
import { SpeechSynthesizer } from "../speech/speech-synthesizer";

import { EspeakTTS } from "./espeak-tts";
import { MOUTH_USERDATA } from "./face-audio-output";

let synthesizer: SpeechSynthesizer;

beforeAll(() => {
  initializeLogger({ pretty: false, level: "warn" });
  synthesizer = new SpeechSynthesizer();
});
afterAll(() => synthesizer.close());

describe("Jeremy's espeak voice as a LiveKit Agents TTS", () => {
  it("voices a sentence as 20 ms frames, each with the mouth shape of its phonemes", async () => {
    const voice = new EspeakTTS(synthesizer, 48_000);
    const frames: AudioFrame[] = [];
    for await (const audio of voice.synthesize("Hello, how are you today?"))
      frames.push(audio.frame);
    const utterance = await synthesizer.synthesize("Hello, how are you today?");
    expect(frames.length).toBe(Math.ceil(utterance.samples.length / 960));
    expect(
      frames.every((frame) => frame.sampleRate === 48_000 && frame.samplesPerChannel === 960),
    ).toBe(true);
    const shapes = frames.map((frame) => frame.userdata[MOUTH_USERDATA] as MouthShape);
    expect(shapes.every((shape) => shape !== undefined)).toBe(true);
    expect(Math.max(...shapes.map((shape) => shape.open))).toBeGreaterThan(0.3);
    expect(shapes.at(-1)!.open).toBe(0);
  });
});
