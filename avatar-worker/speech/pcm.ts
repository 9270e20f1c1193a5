// Small helpers for mono int16 PCM shared by the synthesizer, the detector and their tests.

// Levels and joining are the face's (face-worker/audio-level.ts); the synthesizer uses them too.
export { concatPcm, rms, toDb } from "@/face-worker/audio-level";

/** Splits audio into consecutive frames of `frameMs` (the last one zero-padded), as AudioSource wants. */
export function toFrames(samples: Int16Array, sampleRate: number, frameMs = 20): Int16Array[] {
  const size = Math.round((sampleRate * frameMs) / 1000);
  const frames: Int16Array[] = [];
  for (let start = 0; start < samples.length; start += size) {
    const frame = new Int16Array(size);
    frame.set(samples.subarray(start, start + size));
    frames.push(frame);
  }
  return frames;
}
