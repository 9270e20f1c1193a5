// Where Jeremy looks. Mostly at the viewer; while idle or speaking he glances away now and then
// (people look aside while thinking) and back. While the user talks his eyes stay on them.

import { between, type Random } from "./random";
import { approach } from "./smoothing";

export type GazeMode = "idle" | "speaking" | "listening";

export interface Gaze {
  x: number;
  y: number;
}

// Saccades take 30-50 ms in life, so the eyes all but jump.
const SACCADE_TAU_MS = 18;

/** Returns a function giving the gaze at `nowMs` for the current mode. */
export function createGaze(random: Random): (nowMs: number, mode: GazeMode) => Gaze {
  let lastMs: number | undefined;
  let nextMs: number | undefined;
  let away = false;
  const target: Gaze = { x: 0, y: 0 };
  const current: Gaze = { x: 0, y: 0 };

  function atViewer(nowMs: number, mode: GazeMode): void {
    away = false;
    target.x = between(random, -0.06, 0.06);
    target.y = between(random, -0.05, 0.05);
    nextMs =
      nowMs + (mode === "speaking" ? between(random, 2_500, 5_500) : between(random, 1_500, 4_000));
  }

  function glanceAway(nowMs: number, mode: GazeMode): void {
    away = true;
    const side = random() < 0.5 ? -1 : 1;
    // Thinking glances go up and aside; idle ones wander anywhere, a little less far.
    target.x = side * between(random, 0.45, 0.85);
    target.y = mode === "speaking" ? between(random, -0.6, -0.2) : between(random, -0.4, 0.35);
    nextMs =
      nowMs + (mode === "speaking" ? between(random, 350, 800) : between(random, 500, 1_400));
  }

  return (nowMs, mode) => {
    const dtMs = lastMs === undefined ? 0 : Math.min(250, Math.max(0, nowMs - lastMs));
    lastMs = nowMs;
    if (mode === "listening") {
      away = false;
      target.x = 0;
      target.y = 0;
      // Hold on the viewer for a moment after they stop, as a listener would.
      nextMs = nowMs + 1_200;
    } else if (nextMs === undefined || nowMs >= nextMs) {
      if (away || nextMs === undefined) atViewer(nowMs, mode);
      else glanceAway(nowMs, mode);
    }
    current.x = approach(current.x, target.x, dtMs, SACCADE_TAU_MS);
    current.y = approach(current.y, target.y, dtMs, SACCADE_TAU_MS);
    return { x: current.x, y: current.y };
  };
}
