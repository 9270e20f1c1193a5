// Listens to Jeremy's voice as a client receives it (after the network and the jitter buffer)
// and notes when it is audible, so a benchmark can ask "when did he start / stop talking?".
import { AudioStream, type RemoteTrack } from "@livekit/rtc-node";

import { rms, toDb } from "@/avatar-worker/speech/pcm";
import { sleep } from "@/lib/sleep";

// Well above the decoder's comfort noise, well below speech (espeak speaks near -20 dBFS).
const AUDIBLE_DB = -45;

type Waiter = { after: number; resolve: (at: number) => void };

/** Starts reading `track`; all times are performance.now() in this process. */
export function monitorVoice(track: RemoteTrack) {
  const stream = new AudioStream(track, { sampleRate: 48_000, numChannels: 1 });
  const reader = stream.getReader();
  let lastAudibleAt = -Infinity;
  // Recent audible frames, so "first audible after t" can be answered after the fact too.
  let audible: number[] = [];
  let frames = 0;
  let waiters: Waiter[] = [];

  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      frames += 1;
      const at = performance.now();
      if (toDb(rms(value.data)) <= AUDIBLE_DB) continue;
      lastAudibleAt = at;
      audible.push(at);
      if (audible.length > 6_000) audible = audible.slice(-3_000);
      const due = waiters.filter((w) => w.after <= at);
      waiters = waiters.filter((w) => w.after > at);
      for (const waiter of due) waiter.resolve(at);
    }
  })().catch(() => undefined);

  return {
    /** Audio frames received so far (10 ms each). */
    frames: () => frames,
    /** When he is first audible at or after `after`; rejects after `timeoutMs`. */
    audibleAfter(after: number, timeoutMs: number): Promise<number> {
      const seen = audible.find((at) => at >= after);
      if (seen !== undefined) return Promise.resolve(seen);
      return withTimeout(
        new Promise<number>((resolve) => waiters.push({ after, resolve })),
        timeoutMs,
        "Jeremy did not speak",
      );
    },
    /** Resolves once he has said something and then been quiet for `quietMs`. */
    async quiet(quietMs: number, timeoutMs: number): Promise<void> {
      const deadline = performance.now() + timeoutMs;
      while (!(performance.now() - lastAudibleAt >= quietMs && lastAudibleAt > -Infinity)) {
        if (performance.now() > deadline) throw new Error("Jeremy did not finish speaking");
        await sleep(50);
      }
    },
    close() {
      void reader.cancel().catch(() => undefined);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
