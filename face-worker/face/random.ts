// A tiny seeded generator so a face's blinks and glances replay exactly in tests; Math.random
// cannot be seeded.

/** A function returning uniform numbers in [0, 1), like Math.random. */
export type Random = () => number;

/** Mulberry32: a fast 32-bit seeded generator, plenty for animation timing. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform number between `min` and `max`. */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}
