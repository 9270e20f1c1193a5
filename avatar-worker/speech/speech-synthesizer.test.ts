import { performance } from "node:perf_hooks";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { rms } from "./pcm";
import { SpeechSynthesizer } from "./speech-synthesizer";
import type { Utterance } from "./utterance";

const QUESTION = "Thanks for joining me today. Could you tell me a little about your last project?";

let synth: SpeechSynthesizer;
beforeAll(async () => {
  synth = new SpeechSynthesizer();
  await synth.ready;
});
afterAll(() => synth.close());

function openAt(utterance: Utterance, ms: number): number {
  return utterance.mouth.findLast((keyframe) => keyframe.atMs <= ms)?.shape.open ?? NaN;
}

describe("SpeechSynthesizer", () => {
  it("voices a question as audible 48 kHz speech of a plausible length", async () => {
    const utterance = await synth.synthesize(QUESTION);
    expect(utterance.sampleRate).toBe(48_000);
    expect(utterance.durationMs).toBeCloseTo((utterance.samples.length / 48_000) * 1000, 6);
    expect(rms(utterance.samples)).toBeGreaterThan(0.03);
    // 15 words at a conversational 120-220 words per minute.
    const wordsPerMinute = 15 / (utterance.durationMs / 60_000);
    expect(wordsPerMinute).toBeGreaterThan(120);
    expect(wordsPerMinute).toBeLessThan(220);
  });

  it("gives a time-ordered mouth timeline within the audio, opening and closing", async () => {
    const { mouth, durationMs } = await synth.synthesize(QUESTION);
    const times = mouth.map((keyframe) => keyframe.atMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBe(0);
    expect(Math.max(...times)).toBeLessThanOrEqual(durationMs);
    expect(mouth.some((keyframe) => keyframe.shape.open >= 0.7)).toBe(true);
    expect(mouth.filter((keyframe) => keyframe.shape.open === 0).length).toBeGreaterThan(3);
    expect(mouth.some((keyframe) => keyframe.shape.round >= 0.6)).toBe(true);
    expect(mouth.some((keyframe) => keyframe.shape.wide >= 0.6)).toBe(true);
    expect(mouth.at(-1)?.shape.open).toBe(0);
  });

  it("closes the lips for each m in 'Mama' and opens them for each a, in step with the audio", async () => {
    const utterance = await synth.synthesize("Mama");
    const opens = utterance.mouth.map((keyframe) => keyframe.shape.open);
    // Rest (or the first m), a, m, a, rest.
    expect(opens).toHaveLength(5);
    expect(opens[1]).toBeGreaterThan(0.5);
    expect(opens[2]).toBe(0);
    expect(opens[3]).toBeGreaterThan(0.3);
    expect(opens[4]).toBe(0);
    // The closure sits at the quiet nasal between the two loud vowels.
    const level = (ms: number) => rms(utterance.samples, ms * 48, (ms + 30) * 48);
    const closedAt = utterance.mouth[2]?.atMs ?? 0;
    const firstVowel = utterance.mouth[1]?.atMs ?? 0;
    expect(level(closedAt + 10)).toBeLessThan(level(firstVowel + 40) / 2);
    expect(openAt(utterance, closedAt + 30)).toBe(0);
  });

  it("speaks a paragraph sentence by sentence, pausing between sentences", async () => {
    const parts: Utterance[] = [];
    for await (const utterance of synth.speak(`${QUESTION} Take your time.`)) parts.push(utterance);
    expect(parts.map((part) => part.text)).toEqual([
      "Thanks for joining me today.",
      "Could you tell me a little about your last project?",
      "Take your time.",
    ]);
    // 300 ms of silence (14,400 samples) follows every sentence but the last.
    const first = parts[0]?.samples ?? new Int16Array();
    const last = parts[2]?.samples ?? new Int16Array();
    expect(rms(first, first.length - 14_400)).toBe(0);
    expect(rms(first, first.length - 15_400, first.length - 14_400)).toBeGreaterThan(0);
    expect(rms(last, last.length - 2_400)).toBeGreaterThan(0);
    expect(parts[0]?.durationMs).toBeCloseTo((first.length / 48_000) * 1000, 6);
  });

  it("keeps the event loop free while it works", async () => {
    // How much of the time the main thread's event loop was busy, not how long any one pause
    // was: a machine busy with other work stretches pauses, but cannot make an idle loop busy.
    const paragraph = Array.from({ length: 4 }, () => QUESTION).join(" ");
    const before = performance.eventLoopUtilization();
    for await (const utterance of synth.speak(paragraph))
      expect(utterance.samples.length).toBeGreaterThan(0);
    const { utilization } = performance.eventLoopUtilization(before);
    // espeak on this thread would keep the loop busy nearly all the time (50-150 ms a sentence).
    expect(utilization).toBeLessThan(0.3);
  });

  it("serves warmed-up lines from memory", async () => {
    const lines = ["What did you learn from it?", "Tell me more."];
    await synth.warmUp(lines);
    const first = await synth.synthesize(lines[0] ?? "");
    expect(await synth.synthesize(lines[0] ?? "")).toBe(first);
    for await (const spoken of synth.speak("Tell me more.")) {
      expect(spoken).toBe(await synth.synthesize("Tell me more."));
    }
  });
});

describe("SpeechSynthesizer.close", () => {
  it("rejects pending and later requests", async () => {
    const doomed = new SpeechSynthesizer();
    const pending = doomed.synthesize(QUESTION);
    await doomed.close();
    await expect(pending).rejects.toThrow(/closed/);
    await expect(doomed.synthesize("Hello.")).rejects.toThrow(/closed/);
  });

  it("fails every request when the voice does not exist", async () => {
    const broken = new SpeechSynthesizer({ voice: "xx-nowhere" });
    await expect(broken.ready).rejects.toThrow(/no voice "xx-nowhere"/);
    await expect(broken.synthesize("Hello.")).rejects.toThrow(/no voice/);
    await broken.close();
  });
});
