import type { MouthKeyframe } from "@/face-worker/face/mouth-shape";

/** Something Jeremy says: audio ready for a LiveKit AudioSource and the mouth movements to go with it. */
export interface Utterance {
  text: string;
  /** Always the synthesizer's output rate (48 kHz unless configured otherwise). */
  sampleRate: number;
  /** Mono int16 PCM. Shared with the synthesizer's cache: read it, do not write to it. */
  samples: Int16Array;
  durationMs: number;
  /** Time-ordered, from 0 to `durationMs`, ending at rest. */
  mouth: MouthKeyframe[];
}
