// Small helpers for mono int16 PCM shared by the synthesizer, the detector and their tests.

// The levels are the face's (it reads a mouth from them); the synthesizer and its tests use them too.
export { rms, toDb } from "@/face-worker/audio-level";

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
