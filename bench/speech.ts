// Prints the speech figures that decide reply latency and CPU headroom:
//   npx tsx bench/speech.ts (part of `npm run bench`)

import { monitorEventLoopDelay } from "node:perf_hooks";
import { ReadableStream } from "node:stream/web";

import { initializeLogger, VADEventType } from "@livekit/agents";
import * as silero from "@livekit/agents-plugin-silero";
import { AudioFrame } from "@livekit/rtc-node";

import { loadVoice } from "@/avatar-worker/speech/espeak-voice";
import { concatPcm } from "@/avatar-worker/speech/pcm";
import { JEREMY_VOICE, SpeechSynthesizer } from "@/avatar-worker/speech/speech-synthesizer";

import { figure, type Figure } from "./support/figures";
import { saveFigures } from "./support/script-figures";

const QUESTIONS = [
  "Thanks for joining me today. To start, could you tell me a little about yourself?",
  "What was the hardest technical problem on your last project, and how did you solve it?",
  "How do you decide what to work on when everything seems urgent?",
  "Tell me about a time you disagreed with a colleague. What happened?",
  "Great, thank you. Is there anything you would like to ask me?",
];

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const fixed = (value: number, digits = 0) => value.toFixed(digits);
const figures: Figure[] = [];

async function measureSynthesizer(): Promise<void> {
  let started = performance.now();
  const synth = new SpeechSynthesizer();
  await synth.ready;
  const readyMs = performance.now() - started;
  console.log(`synthesizer ready (thread + espeak load + warm-up): ${fixed(readyMs)} ms`);

  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  const firsts: number[] = [];
  let busyMs = 0;
  let audioMs = 0;
  for (const question of QUESTIONS) {
    started = performance.now();
    let first: number | undefined;
    for await (const utterance of synth.speak(question)) {
      first ??= performance.now() - started;
      audioMs += utterance.durationMs;
    }
    busyMs += performance.now() - started;
    firsts.push(first ?? NaN);
  }
  loop.disable();
  console.log(
    `time to first utterance, cold question: median ${fixed(median(firsts))} ms, max ${fixed(Math.max(...firsts))} ms`,
  );
  console.log(
    `synthesis real-time factor: ${fixed(busyMs / audioMs, 3)} (${fixed(busyMs)} ms for ${fixed(audioMs)} ms)`,
  );
  console.log(`main-thread event-loop delay during synthesis: max ${fixed(loop.max / 1e6, 1)} ms`);
  figures.push(
    figure("synthesizer ready", readyMs, "ms"),
    figure("first utterance, cold", median(firsts), "ms"),
    figure("real-time factor", busyMs / audioMs, "×"),
  );

  const lines = ["So, what brings you here today?", "Could you walk me through your CV?"];
  await synth.warmUp(lines);
  started = performance.now();
  for await (const utterance of synth.speak(lines[0] ?? "")) void utterance;
  const warmedMs = performance.now() - started;
  console.log(`time to first utterance, warmed line: ${fixed(warmedMs, 2)} ms`);
  figures.push(figure("first utterance, warmed", warmedMs, "ms"));
  await synth.close();
}

/**
 * LiveKit Agents' Silero VAD (what decides when the person has finished), CPU per audio second,
 * fed at `sampleRate`: 16 kHz is what the worker hears at, 48 kHz what it heard at before.
 */
async function measureVad(sampleRate: number): Promise<void> {
  const voice = await loadVoice({ ...JEREMY_VOICE, sampleRate });
  const silence = new Int16Array(sampleRate);
  // About a minute of conversation-like audio: speech with silences between.
  const audio = concatPcm(
    QUESTIONS.flatMap((question) => [silence, voice(question).samples, silence]).concat(silence),
  );
  const seconds = audio.length / sampleRate;
  const vad = await silero.VAD.load();
  const stream = vad.stream();
  const frame = sampleRate / 50;
  const frames = new ReadableStream<AudioFrame>({
    start(controller) {
      for (let i = 0; i + frame <= audio.length; i += frame) {
        controller.enqueue(new AudioFrame(audio.slice(i, i + frame), sampleRate, 1, frame));
      }
      controller.close();
    },
  });
  const cpu = process.cpuUsage();
  stream.updateInputStream(frames);
  let turns = 0;
  // Its timestamps count the audio it has classified, in ms: stop at the end of the audio.
  for await (const event of stream) {
    if (event.type === VADEventType.END_OF_SPEECH) turns++;
    if (event.timestamp >= seconds * 1000 - 100) break;
  }
  const used = process.cpuUsage(cpu);
  const msPerSecond = (used.user + used.system) / 1000 / seconds;
  const khz = sampleRate / 1000;
  console.log(
    `Silero VAD at ${khz} kHz: ${fixed(msPerSecond, 2)} ms CPU per second of audio (${turns} turns in ${fixed(seconds)} s)`,
  );
  figures.push(figure(`Silero VAD, ${khz} kHz`, msPerSecond, "ms CPU/s"));
}

await measureSynthesizer();
initializeLogger({ pretty: false, level: "warn" });
await measureVad(16_000);
await measureVad(48_000);
saveFigures(figures);
// The VAD's inference session keeps the process alive; the figures are out.
process.exit(0);
