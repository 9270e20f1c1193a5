// Decides when the user starts and stops talking, from their microphone. The WebRTC VAD labels
// each frame; this adds what a conversation needs on top: a cough or click is not a turn,
// and a breath between phrases is not the end of one.

import { rms, toDb } from "./pcm";
import { TurnRecorder } from "./turn-recorder";
import { createVad, type Vad, type VadFrameMs, type VadMode, type VadSampleRate } from "./vad";

export interface TurnDetectorOptions {
  /** Rate of the PCM given to `push`; 48 kHz is what LiveKit delivers and what echo plays back. */
  sampleRate?: VadSampleRate;
  /** Length of the frames the VAD judges. */
  frameMs?: VadFrameMs;
  /** fvad aggressiveness. */
  mode?: VadMode;
  /** Voiced audio needed before a turn starts, so a cough or click does not count. */
  minSpeechMs?: number;
  /** Unvoiced audio that ends a turn, so a short pause does not. */
  hangoverMs?: number;
  /** Audio kept from before the detected start, where a soft onset hides. */
  preRollMs?: number;
  /** A turn's audio stops growing after this long. */
  maxTurnMs?: number;
  /** Frames quieter than this (dBFS) are never speech: room noise is not the user talking. */
  minLevelDb?: number;
}

export type TurnEvent =
  | { type: "speech-start"; atMs: number; detectedAtMs: number }
  | {
      type: "turn-end";
      /** Where the first and last voiced audio fall, from the detector's start. */
      startMs: number;
      endMs: number;
      detectedAtMs: number;
      /** From `preRollMs` before `startMs` to a moment after `endMs`, at `sampleRate`. */
      audio: Int16Array;
      sampleRate: number;
      /** True when the turn outgrew `maxTurnMs` and its audio was cut short. */
      truncated: boolean;
    };

const DEFAULTS = {
  sampleRate: 48000,
  frameMs: 20,
  mode: 2,
  minSpeechMs: 160,
  hangoverMs: 350,
  preRollMs: 200,
  maxTurnMs: 30_000,
  minLevelDb: -50,
} as const;

/** Voiced frames separated by no more than this still add up towards `minSpeechMs`. */
const GAP_TOLERANCE_MS = 60;

/** Turn taking for one microphone track; all times are milliseconds of audio pushed so far. */
export class TurnDetector {
  private readonly pending: Int16Array;
  private filled = 0;
  private nowMs = 0;
  private candidateStartMs: number | undefined;
  private candidateVoicedMs = 0;
  private unvoicedMs = 0;
  private lastVoicedEndMs = 0;
  private turnStartMs: number | undefined;

  private constructor(
    private readonly vad: Vad,
    private readonly options: Required<TurnDetectorOptions>,
    private readonly recorder: TurnRecorder,
  ) {
    this.pending = new Int16Array((options.sampleRate * options.frameMs) / 1000);
  }

  /** A detector with its VAD loaded. */
  static async create(options: TurnDetectorOptions = {}): Promise<TurnDetector> {
    const settings = { ...DEFAULTS, ...options };
    const vad = await createVad(settings.sampleRate, settings.mode);
    const recorder = new TurnRecorder(
      settings.sampleRate,
      settings.preRollMs + 1_000,
      settings.maxTurnMs,
    );
    return new TurnDetector(vad, settings, recorder);
  }

  /** Whether the user is in a turn: from speech start until the turn ends. */
  get speaking(): boolean {
    return this.turnStartMs !== undefined;
  }

  /** Feeds mono PCM of any length; returns the events it completed, in order. */
  push(chunk: Int16Array): TurnEvent[] {
    const events: TurnEvent[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      const taken = Math.min(this.pending.length - this.filled, chunk.length - offset);
      this.pending.set(chunk.subarray(offset, offset + taken), this.filled);
      this.filled += taken;
      offset += taken;
      if (this.filled === this.pending.length) {
        const event = this.frame(this.pending.slice());
        if (event) events.push(event);
        this.filled = 0;
      }
    }
    return events;
  }

  /** Forgets any turn in progress (e.g. while Jeremy talks); the clock keeps running. */
  reset(): void {
    this.candidateStartMs = undefined;
    this.candidateVoicedMs = 0;
    this.unvoicedMs = 0;
    this.turnStartMs = undefined;
    this.recorder.clear();
  }

  /** Frees the VAD. */
  close(): void {
    this.vad.close();
  }

  private frame(frame: Int16Array): TurnEvent | undefined {
    const { frameMs, minSpeechMs, hangoverMs, minLevelDb, preRollMs } = this.options;
    const startMs = this.nowMs;
    this.nowMs += frameMs;
    this.recorder.add(frame, startMs);
    const voiced = toDb(rms(frame)) >= minLevelDb && this.vad.isSpeech(frame);
    if (voiced) {
      this.unvoicedMs = 0;
      this.lastVoicedEndMs = this.nowMs;
    } else {
      this.unvoicedMs += frameMs;
    }

    if (this.turnStartMs !== undefined) {
      if (this.unvoicedMs < hangoverMs) return undefined;
      const turn = { startMs: this.turnStartMs, endMs: this.lastVoicedEndMs };
      // A little audio past the last voiced frame keeps a trailing "s" or "t" that the VAD drops.
      const recording = this.recorder.finish(turn.endMs + Math.min(preRollMs, hangoverMs));
      this.reset();
      return { type: "turn-end", ...turn, detectedAtMs: this.nowMs, ...recording };
    }

    if (voiced) {
      this.candidateStartMs ??= startMs;
      this.candidateVoicedMs += frameMs;
    } else if (this.unvoicedMs > GAP_TOLERANCE_MS) {
      this.candidateStartMs = undefined;
      this.candidateVoicedMs = 0;
    }
    if (this.candidateStartMs === undefined || this.candidateVoicedMs < minSpeechMs)
      return undefined;
    this.turnStartMs = this.candidateStartMs;
    this.recorder.start(this.turnStartMs - preRollMs);
    return { type: "speech-start", atMs: this.turnStartMs, detectedAtMs: this.nowMs };
  }
}
