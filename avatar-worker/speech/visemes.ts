// Maps espeak-ng's IPA phonemes to mouth shapes. espeak names a phoneme with one or more IPA
// characters plus stress and length marks ("ˈɑː", "aɪ", "dʒ", "ɔːɹ"), so shapes are looked up
// per character: a diphthong or affricate becomes a short glide from its first to its last shape.

import { MOUTH_AT_REST, type MouthShape } from "@/face-worker/face/mouth-shape";

const shape = (open: number, wide: number, round: number): MouthShape => ({ open, wide, round });

const OPEN = shape(0.9, 0.35, 0.05);
const OPEN_FRONT = shape(0.75, 0.55, 0);
const MID = shape(0.45, 0.4, 0);
const HALF_WIDE = shape(0.5, 0.65, 0);
const WIDE = shape(0.3, 0.85, 0);
const ROUND = shape(0.25, 0, 0.95);
const ROUND_OPEN = shape(0.55, 0.1, 0.7);
const R_COLOURED = shape(0.3, 0.2, 0.45);
const POSTALVEOLAR = shape(0.2, 0.15, 0.6);
const CLOSED = shape(0, 0.35, 0);
const LIP_TEETH = shape(0.07, 0.45, 0);
const TONGUE_TEETH = shape(0.2, 0.45, 0);
const TEETH = shape(0.15, 0.55, 0);
/** Tongue consonants (t d n l k g h ...) barely move the lips: a slightly parted mouth. */
const MODERATE = shape(0.25, 0.4, 0);

const BY_CHARACTER: Record<string, MouthShape> = {
  ɑ: OPEN,
  a: OPEN,
  ʌ: OPEN,
  ɒ: shape(0.8, 0.2, 0.35),
  æ: OPEN_FRONT,
  ɐ: shape(0.6, 0.35, 0),
  ə: MID,
  ɜ: MID,
  ɛ: HALF_WIDE,
  e: HALF_WIDE,
  ᵻ: WIDE,
  i: WIDE,
  ɪ: WIDE,
  j: WIDE,
  y: WIDE,
  u: ROUND,
  ʊ: ROUND,
  w: ROUND,
  o: ROUND_OPEN,
  ɔ: ROUND_OPEN,
  ɹ: R_COLOURED,
  r: R_COLOURED,
  ɚ: R_COLOURED,
  ɝ: R_COLOURED,
  ʃ: POSTALVEOLAR,
  ʒ: POSTALVEOLAR,
  m: CLOSED,
  b: CLOSED,
  p: CLOSED,
  f: LIP_TEETH,
  v: LIP_TEETH,
  θ: TONGUE_TEETH,
  ð: TONGUE_TEETH,
  s: TEETH,
  z: TEETH,
};

/** Stress, length and other marks that do not change the lips. */
const IGNORED = /[ˈˌːˑ\u0300-\u036f]/gu;

/**
 * The mouth shapes a phoneme passes through, in order: one for most phonemes, two for a glide
 * such as "aɪ" (open → wide). An empty id is espeak's pause, which rests the mouth.
 */
export function shapesForPhoneme(ipa: string): MouthShape[] {
  const characters = [...ipa.replace(IGNORED, "")];
  if (characters.length === 0) return [MOUTH_AT_REST];
  const shapes: MouthShape[] = [];
  for (const character of characters) {
    const next = BY_CHARACTER[character] ?? MODERATE;
    if (shapes.at(-1) !== next) shapes.push(next);
  }
  return shapes;
}
