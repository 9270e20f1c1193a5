// Turns the clock and what the conversation is doing into a Pose for every frame: idle sway and
// breathing, blinks, glances, the listening look and a smoothed mouth. Pure logic, no canvas.

import { createBlinker } from "./blink";
import { createGaze, type GazeMode } from "./gaze";
import { idleMotion } from "./idle-motion";
import { MOUTH_AT_REST, type MouthShape } from "./mouth-shape";
import type { Pose } from "./pose";
import { seededRandom, type Random } from "./random";
import { approach, approachMouth, clamp, mix } from "./smoothing";

export interface AnimatorInput {
  nowMs: number;
  /** The mouth speech wants now; MOUTH_AT_REST when silent. */
  mouth: MouthShape;
  /** The user is talking: Jeremy gives them his attention. */
  listening: boolean;
  /** Jeremy is talking. */
  speaking: boolean;
  /** Keep idle motion small (the viewer asked for reduced motion). */
  reducedMotion?: boolean;
}

export interface AnimatorOptions {
  /** Seed for blinks and glances, so a session (or a test) replays exactly. */
  seed?: number;
  /** Or supply the random source directly; takes precedence over `seed`. */
  random?: Random;
}

export interface Animator {
  /** The pose for the frame at `input.nowMs`; call once per frame with a non-decreasing clock. */
  next(input: AnimatorInput): Pose;
}

// The mouth must keep up with syllables (~5 a second) yet never jump in a single frame.
const MOUTH_TAU_MS = 35;
// Moods (listening, speaking, reduced motion) fade in and out over a quarter second or so.
const MOOD_TAU_MS = 250;
// Speech never comes faster than this, so a longer gap is a pause or a clock jump.
const MAX_STEP_MS = 250;

/** Creates a stateful animator for one face. */
export function createAnimator(options: AnimatorOptions = {}): Animator {
  const random = options.random ?? seededRandom(options.seed ?? 1);
  const blinkAt = createBlinker(random);
  const gazeAt = createGaze(random);
  const phase = random() * 10;
  let lastMs: number | undefined;
  let mouth: MouthShape = MOUTH_AT_REST;
  let listen = 0;
  let speak = 0;
  let calm = 0;

  return {
    next(input) {
      const dtMs = lastMs === undefined ? 0 : clamp(input.nowMs - lastMs, 0, MAX_STEP_MS);
      const first = lastMs === undefined;
      lastMs = input.nowMs;
      const ease = (current: number, target: number) =>
        first ? target : approach(current, target, dtMs, MOOD_TAU_MS);
      listen = ease(listen, input.listening ? 1 : 0);
      speak = ease(speak, input.speaking ? 1 : 0);
      calm = ease(calm, input.reducedMotion ? 1 : 0);

      // While the user talks (and Jeremy does not) his mouth rests, closed.
      const mouthTarget = input.listening && !input.speaking ? MOUTH_AT_REST : input.mouth;
      mouth = first ? mouthTarget : approachMouth(mouth, mouthTarget, dtMs, MOUTH_TAU_MS);

      const amount = mix(1, 0.25, calm) * (1 + 0.4 * speak) * (1 - 0.4 * listen);
      const idle = idleMotion(input.nowMs, amount, phase);
      const mode: GazeMode = input.listening ? "listening" : input.speaking ? "speaking" : "idle";
      const gaze = gazeAt(input.nowMs, mode);
      const shut = blinkAt(input.nowMs);
      // Slow acknowledging nods while listening, smaller with reduced motion.
      const nod = 0.12 * Math.max(0, Math.sin((input.nowMs / 2_600) * Math.PI * 2)) ** 2;

      return {
        headX: idle.headX + gaze.x * 2 * amount,
        headY: idle.headY + listen * 4,
        // A listener's head tilts a little and leans in, chin down, towards the speaker.
        headRoll: idle.headRoll + listen * 0.06,
        headYaw: idle.headYaw * (1 - 0.6 * listen) + gaze.x * 0.12 * amount,
        headPitch:
          idle.headPitch + listen * (0.3 + nod * mix(1, 0.3, calm)) + speak * mouth.open * 0.15,
        breath: idle.breath * mix(1, 0.5, calm),
        eyeOpen: 1 - shut,
        gazeX: gaze.x,
        gazeY: gaze.y,
        // Brows lift with attention, and with emphasis while speaking.
        browRaise: clamp(
          listen * 0.55 + speak * mouth.open * 0.35 - 0.1 * (1 - listen) * (1 - speak),
          -1,
          1,
        ),
        smile: 0.35 + 0.15 * listen - 0.1 * speak,
        mouth,
      };
    },
  };
}
