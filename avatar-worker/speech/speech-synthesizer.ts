// Jeremy's voice: espeak-ng in its own worker thread, so synthesis never stalls the video loop
// that shares this process, voiced sentence by sentence so the first one plays early.

import { splitSentences } from "./sentences";
import { type SynthJob, SynthThreadClient } from "./synth-thread-client";
import type { Utterance } from "./utterance";

export interface SpeechSynthesizerOptions {
  /** espeak-ng voice and variant. */
  voice?: string;
  /** Words per minute. */
  rate?: number;
  /** 0..99; unset keeps the variant's own pitch. */
  pitch?: number;
  /** Output sample rate; LiveKit's AudioSource is usually opened at 48 kHz. */
  sampleRate?: number;
}

/** A calm adult male US-English voice, a little slower than espeak's default 175 wpm. */
export const JEREMY_VOICE = { voice: "en-us+m3", rate: 165, sampleRate: 48_000 } as const;

/** Silence after a sentence or clause that is not the last, matching espeak's own pauses. */
const PAUSE_AFTER_SENTENCE_MS = 300;
const PAUSE_AFTER_CLAUSE_MS = 170;

/** Offline text-to-speech with mouth timing; one worker thread per instance. */
export class SpeechSynthesizer {
  /** Resolves once espeak-ng is loaded and warm; requests made before then simply wait. */
  readonly ready: Promise<void>;
  private readonly thread: SynthThreadClient;
  private readonly warmed = new Map<string, SynthJob>();

  constructor(options: SpeechSynthesizerOptions = {}) {
    this.thread = new SynthThreadClient({ ...JEREMY_VOICE, ...options });
    this.ready = this.thread.ready;
  }

  /** Voices `text` as one utterance, without splitting it or adding pauses. */
  synthesize(text: string): Promise<Utterance> {
    return this.request(normalise(text)).promise;
  }

  /**
   * Yields `text` one sentence at a time, each as soon as it is ready, with a pause after every
   * sentence but the last. Stopping the iteration drops sentences not yet synthesized.
   */
  async *speak(text: string): AsyncGenerator<Utterance, void, undefined> {
    const sentences = splitSentences(text);
    const jobs = sentences.map((sentence) => this.request(sentence));
    try {
      for (const [index, job] of jobs.entries()) {
        const utterance = await job.promise;
        yield index === jobs.length - 1
          ? utterance
          : withPause(utterance, pauseAfter(utterance.text));
      }
    } finally {
      for (const job of jobs) job.cancel();
    }
  }

  /** Synthesizes `lines` in the background, behind any reply; resolves when all are ready. */
  async warmUp(lines: readonly string[]): Promise<void> {
    const jobs = lines.flatMap(splitSentences).map((sentence) => {
      const known = this.warmed.get(sentence);
      if (known) return known;
      const job = this.thread.request(sentence, "later");
      this.warmed.set(sentence, job);
      // A failed line is forgotten so asking for it again retries.
      job.promise.catch(() => this.warmed.delete(sentence));
      return job;
    });
    await Promise.allSettled(jobs.map((job) => job.promise));
  }

  /** Stops the thread; pending and later requests reject. */
  close(): Promise<void> {
    return this.thread.close();
  }

  private request(sentence: string): SynthJob {
    const warmed = this.warmed.get(sentence);
    if (!warmed) return this.thread.request(sentence, "now");
    warmed.hurry();
    // A warmed line may be spoken again later: one listener losing interest must not drop it.
    return { ...warmed, cancel: () => {} };
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function pauseAfter(sentence: string): number {
  return /[.!?…]["'”’)\]]*$/u.test(sentence) ? PAUSE_AFTER_SENTENCE_MS : PAUSE_AFTER_CLAUSE_MS;
}

/** A copy of `utterance` with `ms` of silence appended; its mouth already ends at rest. */
function withPause(utterance: Utterance, ms: number): Utterance {
  const samples = new Int16Array(
    utterance.samples.length + Math.round((utterance.sampleRate * ms) / 1000),
  );
  samples.set(utterance.samples);
  const durationMs = (samples.length / utterance.sampleRate) * 1000;
  return { ...utterance, samples, durationMs };
}
