// The main-thread side of the synthesis thread: a queue that sends the thread one sentence at a
// time. Holding the queue here (not in the thread's message port) lets a reply that is due now
// overtake lines being warmed up, and lets a sentence nobody will hear be dropped unsynthesized.

import type { Worker } from "node:worker_threads";

import type { VoiceSettings } from "./espeak-voice";
import { startThread } from "./start-thread";
import type { SynthReply, SynthRequest } from "./synth-thread";
import type { Utterance } from "./utterance";

export type SynthPriority = "now" | "later";

export interface SynthJob {
  promise: Promise<Utterance>;
  /** Drops the job if the thread has not started it; its promise then never settles. */
  cancel(): void;
  /** Moves a "later" job ahead of other "later" jobs. */
  hurry(): void;
}

interface QueuedJob {
  request: SynthRequest;
  priority: SynthPriority;
  resolve: (utterance: Utterance) => void;
  reject: (error: Error) => void;
}

/** One espeak-ng worker thread and the queue of sentences waiting for it. */
export class SynthThreadClient {
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  private readonly queue: QueuedJob[] = [];
  private running: QueuedJob | undefined;
  private started = false;
  private failure: Error | undefined;
  private nextId = 1;
  private markReady = () => {};
  private markFailed: (error: Error) => void = () => {};

  constructor(settings: VoiceSettings) {
    const source = import.meta.url.endsWith(".ts") ? "./synth-thread.ts" : "./synth-thread.js";
    this.worker = startThread(new URL(source, import.meta.url), settings);
    this.ready = new Promise((resolve, reject) => {
      this.markReady = resolve;
      this.markFailed = reject;
    });
    // A failed start also rejects every request, so nobody is obliged to await `ready`.
    this.ready.catch(() => {});
    this.worker.on("message", (reply: SynthReply) => this.receive(reply));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`speech thread exited (code ${code})`)));
  }

  /** Queues `text` for synthesis; "now" jobs go before every "later" one. */
  request(text: string, priority: SynthPriority): SynthJob {
    let resolve!: (utterance: Utterance) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<Utterance>((onResolve, onReject) => {
      resolve = onResolve;
      reject = onReject;
    });
    // Callers that stop caring (a cancelled reply) must not surface as unhandled rejections.
    promise.catch(() => {});
    const job: QueuedJob = { request: { id: this.nextId++, text }, priority, resolve, reject };
    if (this.failure) reject(this.failure);
    else this.queue.push(job);
    this.pump();
    return {
      promise,
      cancel: () => {
        const index = this.queue.indexOf(job);
        if (index >= 0) this.queue.splice(index, 1);
        this.updateRef();
      },
      hurry: () => {
        job.priority = "now";
      },
    };
  }

  /** Rejects whatever is pending and stops the thread. */
  async close(): Promise<void> {
    this.fail(new Error("speech synthesizer closed"));
    await this.worker.terminate();
  }

  private receive(reply: SynthReply): void {
    if (reply.type === "ready") {
      this.started = true;
      this.markReady();
    } else if (this.running?.request.id === reply.id) {
      if (reply.type === "done") this.running.resolve(reply.utterance);
      else this.running.reject(new Error(`speech synthesis failed: ${reply.message}`));
      this.running = undefined;
    }
    this.pump();
  }

  private pump(): void {
    if (this.started && !this.running && !this.failure && this.queue.length > 0) {
      const urgent = this.queue.findIndex((job) => job.priority === "now");
      const [next] = this.queue.splice(Math.max(urgent, 0), 1);
      this.running = next;
      if (next) this.worker.postMessage(next.request);
    }
    this.updateRef();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.markFailed(error);
    for (const job of [...(this.running ? [this.running] : []), ...this.queue]) job.reject(error);
    this.running = undefined;
    this.queue.length = 0;
  }

  /** Keeps the process alive only while there is work, so a forgotten synthesizer never hangs it. */
  private updateRef(): void {
    if (!this.started || this.running || this.queue.length > 0) this.worker.ref();
    else this.worker.unref();
  }
}
