// A mouth timeline from loudness alone, for audio that has no phoneme timing: the "echo"
// mic-check plays the user's own voice back with Jeremy's mouth moving to it.

import { MOUTH_AT_REST, type MouthKeyframe, type MouthShape } from "../face/mouth-shape";
import { rms, toDb } from "./pcm";

/** One envelope step: 20 ms is finer than the renderer's 40 ms video frames. */
const HOP_MS = 20;
/** Levels this far below the clip's loud parts close the mouth. */
const DYNAMIC_RANGE_DB = 30;
/** Quieter than this is silence however quiet the whole clip is (a muted mic is not speech). */
const ABSOLUTE_FLOOR_DB = -55;
/** Jaws close more slowly than they open; each hop keeps this share of the previous opening. */
const RELEASE = 0.55;
const MAX_OPEN = 0.85;

/** Keyframes that open the mouth with the loudness of mono int16 `samples`, ending at rest. */
export function mouthFromAudio(samples: Int16Array, sampleRate: number): MouthKeyframe[] {
  const hop = Math.max(1, Math.round((sampleRate * HOP_MS) / 1000));
  const levels: number[] = [];
  for (let start = 0; start < samples.length; start += hop) {
    levels.push(toDb(rms(samples, start, start + hop)));
  }
  const loud = percentile(levels, 0.95);
  const floor = Math.max(loud - DYNAMIC_RANGE_DB, ABSOLUTE_FLOOR_DB);
  const keyframes: MouthKeyframe[] = [{ atMs: 0, shape: MOUTH_AT_REST }];
  let opening = 0;
  levels.forEach((level, index) => {
    const target = level > floor ? Math.min(1, (level - floor) / (loud - floor || 1)) : 0;
    opening = Math.max(target, opening * RELEASE);
    // Steps of 0.05 are invisible on screen and keep the timeline short.
    const open = Math.round(opening * MAX_OPEN * 20) / 20;
    const shape: MouthShape =
      open === 0 ? MOUTH_AT_REST : { open, wide: 0.4 - open * 0.15, round: 0 };
    const last = keyframes.at(-1);
    if (last && last.shape.open !== shape.open) {
      keyframes.push({ atMs: Math.round((index * hop * 1000) / sampleRate), shape });
    }
  });
  const durationMs = Math.floor((samples.length / sampleRate) * 1000);
  if (keyframes.at(-1)?.shape !== MOUTH_AT_REST)
    keyframes.push({ atMs: durationMs, shape: MOUTH_AT_REST });
  return keyframes;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * fraction)] ?? -Infinity;
}
