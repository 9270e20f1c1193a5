// The session's audio on its way to the room, seen by Jeremy's face: a link in LiveKit Agents'
// audio output chain that notes a mouth shape for every frame played and clears them the moment
// playback is interrupted. Frames from our espeak voice carry the synthesizer's own shape
// (phoneme timing); any other audio is read for loudness.
import { voice } from "@livekit/agents";
import type { AudioFrame } from "@livekit/rtc-node";

import type { MouthShape } from "@/face-worker/face/mouth-shape";

import { LoudnessMouth, MouthTimeline } from "@/face-worker/mouth-timeline";

/** The frame's userdata key under which a synthesizer may give its mouth shape. */
export const MOUTH_USERDATA = "jeremyMouth";

export class FaceAudioOutput extends voice.AudioOutput {
  readonly mouth = new MouthTimeline();
  private loudness = new LoudnessMouth();

  constructor(private readonly next: voice.AudioOutput) {
    super(next.sampleRate, next);
  }

  async captureFrame(frame: AudioFrame): Promise<void> {
    await super.captureFrame(frame);
    const given = frame.userdata[MOUTH_USERDATA] as MouthShape | undefined;
    const shape = given ?? this.loudness.next(frame.data);
    this.mouth.append((frame.samplesPerChannel / frame.sampleRate) * 1000, shape);
    await this.next.captureFrame(frame);
  }

  flush(): void {
    super.flush();
    this.next.flush();
  }

  clearBuffer(): void {
    this.mouth.clear();
    this.next.clearBuffer();
  }

  onPlaybackStarted(createdAt: number): void {
    super.onPlaybackStarted(createdAt);
    this.mouth.start(createdAt);
  }

  onPlaybackFinished(event: voice.PlaybackFinishedEvent): void {
    super.onPlaybackFinished(event);
    this.mouth.clear();
    this.loudness = new LoudnessMouth();
  }
}
