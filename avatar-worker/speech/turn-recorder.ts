// Keeps the microphone audio a turn needs: a rolling history while the user is quiet (so the
// turn can begin before the moment speech was confirmed), then everything until the turn ends.

import { concatPcm } from "./pcm";

interface TimedFrame {
  startMs: number;
  samples: Int16Array;
}

export interface TurnRecording {
  audio: Int16Array;
  sampleRate: number;
  truncated: boolean;
}

/** Frame store behind the turn detector. */
export class TurnRecorder {
  private frames: TimedFrame[] = [];
  private recordingFromMs: number | undefined;
  private recordedMs = 0;
  private truncated = false;

  constructor(
    private readonly sampleRate: number,
    private readonly historyMs: number,
    private readonly maxMs: number,
  ) {}

  /** Stores a frame that starts at `startMs`. */
  add(samples: Int16Array, startMs: number): void {
    const frameMs = (samples.length / this.sampleRate) * 1000;
    if (this.recordingFromMs === undefined) {
      this.frames.push({ startMs, samples });
      while ((this.frames[0]?.startMs ?? startMs) < startMs - this.historyMs) this.frames.shift();
    } else if (this.recordedMs + frameMs <= this.maxMs) {
      this.frames.push({ startMs, samples });
      this.recordedMs += frameMs;
    } else {
      this.truncated = true;
    }
  }

  /** Begins a turn whose audio starts at `fromMs` (as far back as the history reaches). */
  start(fromMs: number): void {
    this.frames = this.frames.filter((frame) => frame.startMs >= fromMs);
    this.recordingFromMs = fromMs;
    this.recordedMs = this.frames.reduce(
      (total, frame) => total + (frame.samples.length / this.sampleRate) * 1000,
      0,
    );
  }

  /** The turn's audio up to `untilMs`; the recorder is then empty. */
  finish(untilMs: number): TurnRecording {
    const kept = this.frames
      .filter((frame) => frame.startMs < untilMs)
      .map((frame) => frame.samples);
    const recording = {
      audio: concatPcm(kept),
      sampleRate: this.sampleRate,
      truncated: this.truncated,
    };
    this.clear();
    return recording;
  }

  /** Drops everything, history included. */
  clear(): void {
    this.frames = [];
    this.recordingFromMs = undefined;
    this.recordedMs = 0;
    this.truncated = false;
  }
}
