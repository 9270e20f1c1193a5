// What Jeremy's mouth does while the agent session plays audio: one shape per audio frame, in
// the order the frames are played, lined up with the moment playback started. Cleared the
// moment speech is interrupted or finishes, so the mouth never moves to audio nobody hears.
import { MOUTH_AT_REST, type MouthShape } from "./face/mouth-shape";
import { rms, toDb } from "./audio-level";

interface Step {
  endsAtMs: number;
  shape: MouthShape;
}

/** Gaps shorter than this are timer jitter, not the voice running dry. */
const GAP_TOLERANCE_MS = 15;

export class MouthTimeline {
  private steps: Step[] = [];
  private queuedMs = 0;
  private startedAt: number | undefined;

  /**
   * A frame of `durationMs` was handed to playback, to be drawn with `shape`. `playsAtMs`, when
   * known (Date.now() time), is when it will be heard: later than the frames before it run out
   * means the voice ran dry meanwhile (the agent sent it slower than it plays), and the mouth
   * rests for that gap rather than run ahead of the voice for the rest of the segment.
   */
  append(durationMs: number, shape: MouthShape, playsAtMs?: number) {
    if (playsAtMs !== undefined && this.startedAt !== undefined) {
      const gap = playsAtMs - (this.startedAt + this.queuedMs);
      if (gap > GAP_TOLERANCE_MS) {
        this.queuedMs += gap;
        this.steps.push({ endsAtMs: this.queuedMs, shape: MOUTH_AT_REST });
      }
    }
    this.queuedMs += durationMs;
    this.steps.push({ endsAtMs: this.queuedMs, shape });
  }

  /** The first appended frame began to play at `atMs` (Date.now() time). */
  start(atMs: number) {
    this.startedAt ??= atMs;
  }

  /** Playback stopped: interrupted, or finished. */
  clear() {
    this.steps = [];
    this.queuedMs = 0;
    this.startedAt = undefined;
  }

  shapeAt(nowMs: number = Date.now()): MouthShape {
    if (this.startedAt === undefined) return MOUTH_AT_REST;
    const elapsed = nowMs - this.startedAt;
    if (elapsed < 0) return MOUTH_AT_REST;
    // Steps already played are dropped as time passes: the list stays as short as the queue.
    while (this.steps.length > 0 && this.steps[0]!.endsAtMs <= elapsed) this.steps.shift();
    return this.steps[0]?.shape ?? MOUTH_AT_REST;
  }
}

/** Levels this far below the recent loudest close the mouth. */
const DYNAMIC_RANGE_DB = 30;
/** Quieter than this is silence however quiet the voice (a muted stream is not speech). */
const ABSOLUTE_FLOOR_DB = -55;
/** How fast the remembered loudest level falls back, per frame. */
const PEAK_DECAY_DB = 0.05;
/** Jaws close more slowly than they open; each frame keeps this share of the last opening. */
const RELEASE = 0.55;
const MAX_OPEN = 0.85;

/**
 * A mouth from loudness alone, frame by frame, for audio without phoneme timing (any speech
 * endpoint, or the person's own voice played back).
 */
export class LoudnessMouth {
  private peakDb = -Infinity;
  private opening = 0;

  next(samples: Int16Array): MouthShape {
    const level = toDb(rms(samples));
    this.peakDb = Math.max(level, this.peakDb - PEAK_DECAY_DB);
    const floor = Math.max(this.peakDb - DYNAMIC_RANGE_DB, ABSOLUTE_FLOOR_DB);
    const target = level > floor ? Math.min(1, (level - floor) / (this.peakDb - floor || 1)) : 0;
    this.opening = Math.max(target, this.opening * RELEASE);
    const open = Math.round(this.opening * MAX_OPEN * 20) / 20;
    return open === 0 ? MOUTH_AT_REST : { open, wide: 0.4 - open * 0.15, round: 0 };
  }
}
