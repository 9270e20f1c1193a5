// Measures what one video frame costs the worker: animating, drawing and reading back 512 × 512
// RGBA. Frames are paced at 25 fps like the real track, because a tight loop hides allocator
// and GC costs that only show once memory sits idle between frames.
// Run: npx tsx bench/face-render.ts (part of `npm run bench`)

import { createAnimator } from "@/face-worker/face/animator";
import { createFaceRenderer } from "@/face-worker/face/face-renderer";
import { MOUTH_AT_REST, type MouthShape } from "@/face-worker/face/mouth-shape";
import { sleep } from "@/lib/sleep";

import { figure } from "./support/figures";
import { saveFigures } from "./support/script-figures";
import { mean, percentile } from "./support/stats";

const FRAMES = 500;
const WARM_UP = 25;
const FRAME_MS = 40;

// Syllable-like mouth motion: opening ~5 times a second, drifting between "ah", "ee" and "oo".
function talking(nowMs: number): MouthShape {
  const s = nowMs / 1_000;
  return {
    open: Math.max(0, Math.sin(s * Math.PI * 5)) * 0.8,
    wide: 0.5 + 0.5 * Math.sin(s * 1.7),
    round: Math.max(0, Math.sin(s * 2.3)) * 0.8,
  };
}

function summary(label: string, samples: number[]): string {
  return `${label.padEnd(16)} mean ${mean(samples).toFixed(2)} ms   p95 ${percentile(samples, 95).toFixed(2)} ms`;
}

const animator = createAnimator({ seed: 7 });
const renderer = createFaceRenderer(512);
const samples = {
  frame: [] as number[],
  "  animate": [] as number[],
  "  draw + read": [] as number[],
};
let cpuStart = process.cpuUsage();
let wallStart = performance.now();

for (let i = 0; i < WARM_UP + FRAMES; i++) {
  if (i === WARM_UP) {
    cpuStart = process.cpuUsage();
    wallStart = performance.now();
  }
  const nowMs = i * FRAME_MS;
  // Alternate 4 s of talking with 4 s of listening, so every path gets drawn; blinks come free.
  const speaking = Math.floor(nowMs / 4_000) % 2 === 0;
  const t0 = performance.now();
  const pose = animator.next({
    nowMs,
    mouth: speaking ? talking(nowMs) : MOUTH_AT_REST,
    speaking,
    listening: !speaking,
  });
  const t1 = performance.now();
  // Skia records the drawing and rasterises when the pixels are read, so time both together.
  const pixels = renderer.render(pose);
  const t2 = performance.now();
  if (pixels.length !== 512 * 512 * 4) throw new Error("wrong frame size");
  if (i >= WARM_UP) {
    samples.frame.push(t2 - t0);
    samples["  animate"].push(t1 - t0);
    samples["  draw + read"].push(t2 - t1);
  }
  await sleep(Math.max(0, FRAME_MS - (performance.now() - t0)));
}

const cpu = process.cpuUsage(cpuStart);
const wallMs = performance.now() - wallStart;
console.log(`${FRAMES} frames, 512 × 512 RGBA, paced at ${1_000 / FRAME_MS} fps:`);
for (const [label, ms] of Object.entries(samples)) console.log(summary(label, ms));
const cpuPercent = ((cpu.user + cpu.system) / 1_000 / wallMs) * 100;
console.log(`process CPU (incl. GC threads): ${cpuPercent.toFixed(1)}% of one core`);
saveFigures([
  figure("frame mean", mean(samples.frame), "ms"),
  figure("frame p95", percentile(samples.frame, 95), "ms"),
  figure("CPU at 25 fps", cpuPercent, "% core"),
]);
