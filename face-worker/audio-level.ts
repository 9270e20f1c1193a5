// 16-bit PCM helpers: how loud it is (what the face reads a mouth from when it has nothing
// better), and buffers joined.

/** Root-mean-square level of `samples[start, end)` on a 0..1 scale (1 = full-scale square wave). */
export function rms(samples: Int16Array, start = 0, end = samples.length): number {
  const from = Math.max(0, start);
  const to = Math.min(samples.length, end);
  if (to <= from) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const value = samples[i] ?? 0;
    sum += value * value;
  }
  return Math.sqrt(sum / (to - from)) / 32768;
}

/** A level on the 0..1 scale of `rms` expressed in dBFS (silence is -Infinity). */
export function toDb(level: number): number {
  return 20 * Math.log10(level);
}

/** Joins buffers end to end. */
export function concatPcm(parts: readonly Int16Array[]): Int16Array {
  const joined = new Int16Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
