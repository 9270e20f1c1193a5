// Natural blinking: a blink every 2-6 s lasting 120-180 ms, now and then a double blink. Blinks
// are scheduled on the clock, not per frame, so they look the same at any frame rate.

import { between, type Random } from "./random";

interface Blink {
  startMs: number;
  durationMs: number;
}

const DOUBLE_BLINK_CHANCE = 0.18;
// After a long pause (a stalled worker, a clock jump) start afresh rather than replay old blinks.
const MAX_CATCH_UP_MS = 1_000;

/** Returns a function giving how shut the eyes are (0 open, 1 shut) at `nowMs`. */
export function createBlinker(random: Random): (nowMs: number) => number {
  let nextMs: number | undefined;
  let blinks: Blink[] = [];

  function schedule(atMs: number): void {
    const first = { startMs: atMs, durationMs: between(random, 120, 180) };
    blinks.push(first);
    let endMs = first.startMs + first.durationMs;
    if (random() < DOUBLE_BLINK_CHANCE) {
      const second = {
        startMs: endMs + between(random, 60, 110),
        durationMs: between(random, 110, 150),
      };
      blinks.push(second);
      endMs = second.startMs + second.durationMs;
    }
    nextMs = endMs + between(random, 2_000, 6_000);
  }

  return (nowMs) => {
    nextMs ??= nowMs + between(random, 800, 3_000);
    if (nowMs - nextMs > MAX_CATCH_UP_MS) nextMs = nowMs;
    while (nowMs >= nextMs) schedule(nextMs);
    blinks = blinks.filter((blink) => blink.startMs + blink.durationMs > nowMs);
    let shut = 0;
    for (const blink of blinks) {
      shut = Math.max(shut, closure((nowMs - blink.startMs) / blink.durationMs));
    }
    return shut;
  };
}

// Lids drop fast and lift more slowly, as real ones do: 40% of the blink closing, 60% opening.
function closure(t: number): number {
  if (t < 0 || t >= 1) return 0;
  if (t < 0.4) return Math.sin((t / 0.4) * (Math.PI / 2));
  return Math.cos(((t - 0.4) / 0.6) * (Math.PI / 2));
}
