import { beforeAll, describe, expect, it } from "vitest";

import { loadVoice } from "./espeak-voice";
import { concatPcm, rms } from "./pcm";
import { JEREMY_VOICE } from "./speech-synthesizer";
import { type TurnDetectorOptions, type TurnEvent, TurnDetector } from "./turn-detector";

const RATE = 16_000;
const LINE = "I worked on a payments team for three years, mostly on the backend.";

let speech: Int16Array;
/** Where `speech` is audible, in ms from its start. */
let onsetMs: number;
let offsetMs: number;

beforeAll(async () => {
  // The "user" is Jeremy's own synthesizer, resampled to what LiveKit delivers at 16 kHz.
  const voice = await loadVoice({ ...JEREMY_VOICE, sampleRate: RATE });
  speech = voice(LINE).samples;
  onsetMs = (speech.findIndex((sample) => Math.abs(sample) > 300) / RATE) * 1000;
  offsetMs = (speech.findLastIndex((sample) => Math.abs(sample) > 300) / RATE) * 1000;
});

const silence = (ms: number, rate = RATE) => new Int16Array((rate * ms) / 1000);

async function detect(audio: Int16Array, options: TurnDetectorOptions = {}, chunk = 320) {
  const detector = await TurnDetector.create({ sampleRate: RATE, ...options });
  const events: TurnEvent[] = [];
  for (let i = 0; i < audio.length; i += chunk)
    events.push(...detector.push(audio.subarray(i, i + chunk)));
  detector.close();
  return events;
}

describe("TurnDetector", () => {
  it("starts a turn shortly after speech begins and ends it after the hang-over", async () => {
    const events = await detect(concatPcm([silence(1_000), speech, silence(1_500)]));
    expect(events.map((event) => event.type)).toEqual(["speech-start", "turn-end"]);
    const [start, end] = events;
    if (start?.type !== "speech-start" || end?.type !== "turn-end") throw new Error("unreachable");
    expect(start.atMs).toBeGreaterThanOrEqual(1_000 + onsetMs - 40);
    expect(start.atMs).toBeLessThanOrEqual(1_000 + onsetMs + 80);
    // Confirmed after ~160 ms of voice, not on the first frame.
    expect(start.detectedAtMs - start.atMs).toBeGreaterThanOrEqual(160);
    expect(start.detectedAtMs - start.atMs).toBeLessThanOrEqual(240);
    expect(end.startMs).toBe(start.atMs);
    expect(Math.abs(end.endMs - (1_000 + offsetMs))).toBeLessThanOrEqual(120);
    expect(end.detectedAtMs - end.endMs).toBeGreaterThanOrEqual(350);
    expect(end.detectedAtMs - end.endMs).toBeLessThanOrEqual(400);
    // The audio runs from 200 ms before the start to a little after the end, voice included.
    expect(end.sampleRate).toBe(RATE);
    const audioMs = (end.audio.length / RATE) * 1000;
    expect(audioMs).toBeGreaterThanOrEqual(end.endMs - end.startMs + 200);
    expect(audioMs).toBeLessThanOrEqual(end.endMs - end.startMs + 200 + 220);
    expect(rms(end.audio, 0, 0.15 * RATE)).toBeLessThan(0.001);
    expect(rms(end.audio)).toBeGreaterThan(0.03);
    expect(end.truncated).toBe(false);
  });

  it("reports whether the user is speaking", async () => {
    const detector = await TurnDetector.create({ sampleRate: RATE });
    detector.push(silence(500));
    expect(detector.speaking).toBe(false);
    detector.push(speech.subarray(0, speech.length / 2));
    expect(detector.speaking).toBe(true);
    detector.push(speech.subarray(speech.length / 2));
    detector.push(silence(600));
    expect(detector.speaking).toBe(false);
    detector.close();
  });

  it("lets a short pause pass but ends the turn at a long one", async () => {
    const short = await detect(
      concatPcm([silence(300), speech, silence(200), speech, silence(800)]),
    );
    expect(short.map((event) => event.type)).toEqual(["speech-start", "turn-end"]);
    const long = await detect(
      concatPcm([silence(300), speech, silence(800), speech, silence(800)]),
    );
    expect(long.filter((event) => event.type === "turn-end")).toHaveLength(2);
  });

  it("ignores silence, low-level noise, a click and a too-short burst of voice", async () => {
    const noise = Int16Array.from({ length: 3 * RATE }, () =>
      Math.round((Math.random() - 0.5) * 600),
    );
    const click = concatPcm([silence(500), new Int16Array(80).fill(30_000), silence(500)]);
    const vowelAt = Math.round(((onsetMs + 300) / 1000) * RATE);
    const burst = concatPcm([
      silence(500),
      speech.subarray(vowelAt, vowelAt + 0.1 * RATE),
      silence(800),
    ]);
    for (const audio of [silence(3_000), noise, click, burst])
      expect(await detect(audio)).toEqual([]);
  });

  it("gives the same events whatever size the chunks are", async () => {
    const audio = concatPcm([silence(700), speech, silence(250), speech, silence(900)]);
    const reference = await detect(audio, {}, audio.length);
    expect(reference.length).toBeGreaterThan(0);
    for (const chunk of [1, 37, 160, 480, 4_801])
      expect(await detect(audio, {}, chunk)).toEqual(reference);
  });

  it("works on 48 kHz audio, its default, with the same timing", async () => {
    const voice48 = await loadVoice({ ...JEREMY_VOICE, sampleRate: 48_000 });
    const audio = concatPcm([
      silence(1_000, 48_000),
      voice48(LINE).samples,
      silence(1_000, 48_000),
    ]);
    const events = await detect(audio, { sampleRate: 48_000 }, 480);
    const byDefault = await TurnDetector.create();
    expect(byDefault.push(audio)).toEqual(events);
    byDefault.close();
    const at16 = await detect(concatPcm([silence(1_000), speech, silence(1_000)]));
    expect(events.map((event) => event.type)).toEqual(["speech-start", "turn-end"]);
    const end = events[1];
    const end16 = at16[1];
    if (end?.type !== "turn-end" || end16?.type !== "turn-end") throw new Error("unreachable");
    expect(Math.abs(end.startMs - end16.startMs)).toBeLessThanOrEqual(40);
    expect(Math.abs(end.endMs - end16.endMs)).toBeLessThanOrEqual(80);
    expect(end.sampleRate).toBe(48_000);
  });

  it("caps a turn's audio at maxTurnMs", async () => {
    const events = await detect(concatPcm([speech, speech, silence(600)]), { maxTurnMs: 2_000 });
    const end = events.find((event) => event.type === "turn-end");
    if (end?.type !== "turn-end") throw new Error("no turn ended");
    expect(end.truncated).toBe(true);
    expect(end.audio.length).toBeLessThanOrEqual(2 * RATE);
    expect(end.endMs - end.startMs).toBeGreaterThan(5_000);
  });

  it("forgets a turn on reset", async () => {
    const detector = await TurnDetector.create({ sampleRate: RATE });
    detector.push(concatPcm([silence(500), speech.subarray(0, speech.length / 2)]));
    expect(detector.speaking).toBe(true);
    detector.reset();
    expect(detector.speaking).toBe(false);
    expect(detector.push(silence(1_000))).toEqual([]);
    detector.close();
  });
});
