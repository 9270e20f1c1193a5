// The WebRTC voice activity detector (libfvad compiled to WASM). It classifies one frame at a
// time and is cheap enough to run on the main thread: a few microseconds per 20 ms frame.

import init, { type FvadModule } from "@echogarden/fvad-wasm";

export type VadSampleRate = 8000 | 16000 | 32000 | 48000;
export type VadFrameMs = 10 | 20 | 30;
/** 0 flags the most frames as speech, 3 the fewest (the most sure). */
export type VadMode = 0 | 1 | 2 | 3;

export interface Vad {
  /** Whether `frame` (exactly 10, 20 or 30 ms at the rate the VAD was made for) holds speech. */
  isSpeech(frame: Int16Array): boolean;
  /** Frees the WASM instance; the VAD must not be used afterwards. */
  close(): void;
}

let loaded: Promise<FvadModule> | undefined;

/** A new VAD instance; the WASM module itself is compiled once per process. */
export async function createVad(sampleRate: VadSampleRate, mode: VadMode): Promise<Vad> {
  loaded ??= init();
  const fvad = await loaded;
  const handle = fvad._fvad_new();
  if (handle === 0) throw new Error("fvad_new failed");
  if (
    fvad._fvad_set_mode(handle, mode) !== 0 ||
    fvad._fvad_set_sample_rate(handle, sampleRate) !== 0
  ) {
    fvad._fvad_free(handle);
    throw new Error(`fvad rejected mode ${mode} or sample rate ${sampleRate}`);
  }
  // Room for the longest frame (30 ms), reused for every call.
  const capacity = (sampleRate * 30) / 1000;
  const buffer = fvad._malloc(capacity * 2);
  return {
    isSpeech(frame) {
      if (frame.length > capacity) throw new Error(`a ${frame.length}-sample frame is too long`);
      // Read HEAP16 each time: the view is replaced if the WASM memory ever grows.
      fvad.HEAP16.set(frame, buffer >> 1);
      const result = fvad._fvad_process(handle, buffer, frame.length);
      if (result < 0) throw new Error(`fvad cannot take a ${frame.length}-sample frame`);
      return result === 1;
    },
    close() {
      fvad._free(buffer);
      fvad._fvad_free(handle);
    },
  };
}
