// What test/av-sync/probe.js records, turned into figures: how far Jeremy's mouth is from his
// voice (the lag that best lines up mouth opening with loudness, line by line), and how soon both
// stop after an interruption. Times are ms on the page's clock.

/** One video frame as shown: how much of the mouth's inside it shows. */
export interface MouthFrame {
  at: number;
  open: number;
}

/** The voice's loudness over 10 ms, as played. */
export interface VoiceLevel {
  at: number;
  rms: number;
}

export interface Span {
  start: number;
  end: number;
}

export const STEP_MS = 10;
/** Lags tried, either way: well past what anyone would call in sync. */
export const MAX_LAG_MS = 400;
/** A line whose mouth and voice agree less than this at their best lag is not measured. */
export const MIN_CORRELATION = 0.3;

/** The loudness above which the voice counts as sounding: a tenth of its loud moments. */
export function voiceThreshold(audio: readonly VoiceLevel[]): number {
  const sorted = audio.map((level) => level.rms).sort((a, b) => a - b);
  const loud = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  return Math.max(1e-4, loud / 10);
}

/**
 * The stretches of speech: sounding levels with gaps shorter than `gapMs` joined, kept when at
 * least `minMs` long.
 */
export function speechSpans(
  audio: readonly VoiceLevel[],
  { gapMs = 300, minMs = 1_000 } = {},
): Span[] {
  const threshold = voiceThreshold(audio);
  const spans: Span[] = [];
  let current: Span | null = null;
  for (const level of audio) {
    if (level.rms < threshold) continue;
    if (current && level.at - current.end <= gapMs) {
      current.end = level.at + STEP_MS;
    } else {
      if (current) spans.push(current);
      current = { start: level.at, end: level.at + STEP_MS };
    }
  }
  if (current) spans.push(current);
  return spans.filter((span) => span.end - span.start >= minMs);
}

/** `points` on a grid of STEP_MS from `start` to `end`, each the latest value at or before it. */
export function onGrid<T extends { at: number }>(
  points: readonly T[],
  value: (point: T) => number,
  start: number,
  end: number,
): number[] {
  const sorted = [...points].sort((a, b) => a.at - b.at);
  const grid: number[] = [];
  let next = 0;
  let latest = sorted.length > 0 ? value(sorted[0]!) : 0;
  for (let t = start; t < end; t += STEP_MS) {
    while (next < sorted.length && sorted[next]!.at <= t) latest = value(sorted[next++]!);
    grid.push(latest);
  }
  return grid;
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n < 2) return 0;
  const meanA = a.reduce((s, x) => s + x, 0) / n;
  const meanB = b.reduce((s, x) => s + x, 0) / n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0;
}

/**
 * The lag (ms) at which the mouth best follows the voice over `span`: positive when the mouth
 * moves after the sound it goes with, negative when before. With its correlation there.
 */
export function mouthLag(
  audio: readonly VoiceLevel[],
  frames: readonly MouthFrame[],
  span: Span,
  maxLagMs = MAX_LAG_MS,
): { lagMs: number; correlation: number } {
  const voice = onGrid(audio, (level) => level.rms, span.start, span.end);
  const steps = Math.round(maxLagMs / STEP_MS);
  const mouth = onGrid(
    frames,
    (frame) => frame.open,
    span.start - maxLagMs,
    span.end + maxLagMs + STEP_MS,
  );
  let best = { lagMs: 0, correlation: -Infinity };
  for (let lag = -steps; lag <= steps; lag++) {
    // The mouth `lag` steps after each moment of the voice.
    const shifted = mouth.slice(steps + lag, steps + lag + voice.length);
    const r = correlation(voice, shifted);
    if (r > best.correlation) best = { lagMs: lag * STEP_MS, correlation: r };
  }
  return best;
}

export interface LineOffset extends Span {
  lagMs: number;
  correlation: number;
}

/** Each line of speech with its mouth lag; lines the mouth does not follow at all are dropped. */
export function lineOffsets(
  audio: readonly VoiceLevel[],
  frames: readonly MouthFrame[],
): { measured: LineOffset[]; unmatched: LineOffset[] } {
  const all = speechSpans(audio).map((span) => ({ ...span, ...mouthLag(audio, frames, span) }));
  return {
    measured: all.filter((line) => line.correlation >= MIN_CORRELATION),
    unmatched: all.filter((line) => line.correlation < MIN_CORRELATION),
  };
}

/**
 * When something that was on at `since` went off for good: the last time it was on before a
 * stretch of `quietMs` with it off (or the end of the record). Undefined when it never went off
 * for that long.
 */
export function stoppedAt<T extends { at: number }>(
  points: readonly T[],
  isOn: (point: T) => boolean,
  since: number,
  quietMs = 600,
): number | undefined {
  const after = points.filter((point) => point.at >= since).sort((a, b) => a.at - b.at);
  let lastOn = since;
  for (const point of after) {
    if (isOn(point)) {
      lastOn = point.at;
      continue;
    }
    if (point.at - lastOn >= quietMs) return lastOn;
  }
  return undefined;
}

/** How open a mouth must be to count as open: a fifth of its widest in the record. */
export function openThreshold(frames: readonly MouthFrame[]): number {
  const widest = frames.reduce((max, frame) => Math.max(max, frame.open), 0);
  return Math.max(1, widest / 5);
}
