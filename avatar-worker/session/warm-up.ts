import type { VAD } from "@livekit/agents";
import * as silero from "@livekit/agents-plugin-silero";

import { createAnimator } from "@/face-worker/face/animator";
import { createFaceRenderer, type FaceRenderer } from "@/face-worker/face/face-renderer";
import { MOUTH_AT_REST } from "@/face-worker/face/mouth-shape";
import { SpeechSynthesizer } from "../speech/speech-synthesizer";
import { TURN_SILENCE_MS } from "../voice/turn-taking";

import { VIDEO_SIZE } from "@/face-worker/video-publisher";

/** What a job process prepares before any job arrives. */
export interface WarmKit {
  synthesizer: SpeechSynthesizer;
  renderer: FaceRenderer;
  /** Silero's voice-activity model (it ships inside its LiveKit Agents plugin). */
  vad: VAD;
}

const WARM_UP_FRAMES = 12;

/**
 * Loads the voice and the voice-activity detector and draws a few frames, so that none of it
 * sits between a user pressing Start and seeing and hearing Jeremy.
 */
export async function warmUp(): Promise<WarmKit> {
  const synthesizer = new SpeechSynthesizer();
  const renderer = createFaceRenderer(VIDEO_SIZE);
  const animator = createAnimator();
  for (let frame = 0; frame < WARM_UP_FRAMES; frame++) {
    renderer.render(
      animator.next({ nowMs: frame * 40, mouth: MOUTH_AT_REST, listening: false, speaking: false }),
    );
  }
  const vad = await silero.VAD.load({ minSilenceDuration: TURN_SILENCE_MS });
  await synthesizer.ready;
  return { synthesizer, renderer, vad };
}
