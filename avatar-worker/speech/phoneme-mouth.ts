// Turns espeak-ng's phoneme timing into a mouth timeline. The audio is consulted too: espeak
// places some phoneme events a few milliseconds before sound starts and marks stop closures as
// phonemes, so a phoneme that is silent in the audio rests the mouth instead of shaping it.

import { MOUTH_AT_REST, type MouthKeyframe, type MouthShape } from "@/face-worker/face/mouth-shape";
import { rms } from "./pcm";
import { shapesForPhoneme } from "./visemes";

export interface TimedPhoneme {
  /** IPA as espeak names it; "" for a pause. */
  ipa: string;
  atMs: number;
}

/** A phoneme this far below the utterance's overall level counts as silence. */
const SILENCE_BELOW_DB = 30;

/** Keyframes for `phonemes` (sorted by time) over `samples`, ending at rest. */
export function mouthFromPhonemes(
  phonemes: readonly TimedPhoneme[],
  samples: Int16Array,
  sampleRate: number,
): MouthKeyframe[] {
  const durationMs = (samples.length / sampleRate) * 1000;
  const silence = rms(samples) * 10 ** (-SILENCE_BELOW_DB / 20);
  const keyframes: MouthKeyframe[] = [{ atMs: 0, shape: MOUTH_AT_REST }];
  phonemes.forEach((phoneme, index) => {
    const startMs = Math.min(Math.max(phoneme.atMs, 0), durationMs);
    const endMs = Math.min(phonemes[index + 1]?.atMs ?? durationMs, durationMs);
    const toSample = (ms: number) => Math.round((ms / 1000) * sampleRate);
    const silent = rms(samples, toSample(startMs), toSample(endMs)) <= silence;
    const shapes = silent ? [MOUTH_AT_REST] : shapesForPhoneme(phoneme.ipa);
    shapes.forEach((shape, step) => {
      push(keyframes, startMs + ((endMs - startMs) * step) / shapes.length, shape);
    });
  });
  push(keyframes, durationMs, MOUTH_AT_REST);
  return keyframes;
}

/** Appends a keyframe, replacing one at the same instant and skipping one that changes nothing. */
function push(keyframes: MouthKeyframe[], exactMs: number, shape: MouthShape): void {
  const atMs = Math.floor(exactMs);
  const last = keyframes.at(-1);
  if (last && last.atMs >= atMs) keyframes.pop();
  const previous = keyframes.at(-1);
  if (previous && sameShape(previous.shape, shape)) return;
  keyframes.push({ atMs, shape });
}

function sameShape(a: MouthShape, b: MouthShape): boolean {
  return a.open === b.open && a.wide === b.wide && a.round === b.round;
}
