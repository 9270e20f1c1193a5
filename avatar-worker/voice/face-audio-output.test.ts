import { initializeLogger, voice } from "@livekit/agents";
import { AudioFrame } from "@livekit/rtc-node";
import { beforeAll, describe, expect, it } from "vitest";

import { MOUTH_AT_REST } from "@/face-worker/face/mouth-shape";

import { FaceAudioOutput, MOUTH_USERDATA } from "./face-audio-output";

/** The room's audio output, as far as the chain sees it: takes frames, reports playback. */
class RoomSink extends voice.AudioOutput {
  readonly frames: AudioFrame[] = [];
  cleared = false;

  constructor() {
    super(48_000);
  }

  async captureFrame(frame: AudioFrame) {
    await super.captureFrame(frame);
    if (this.frames.length === 0) this.onPlaybackStarted(Date.now());
    this.frames.push(frame);
  }

  clearBuffer() {
    this.cleared = true;
    this.onPlaybackFinished({ playbackPosition: 0, interrupted: true });
  }
}

const SPOKEN = { open: 0.7, wide: 0.3, round: 0.1 };
const frame = (userdata: Record<string, unknown> = {}) =>
  new AudioFrame(new Int16Array(960).fill(8_000), 48_000, 1, 960, userdata);

describe("Jeremy's face in the session's audio output chain", () => {
  beforeAll(() => initializeLogger({ pretty: false, level: "warn" }));

  it("passes every frame on, and moves the mouth with what is played", async () => {
    const room = new RoomSink();
    const face = new FaceAudioOutput(room);
    await face.captureFrame(frame({ [MOUTH_USERDATA]: SPOKEN }));
    await face.captureFrame(frame());
    expect(room.frames).toHaveLength(2);
    expect(face.mouth.shapeAt()).toEqual(SPOKEN);
  });

  it("stops moving the mouth the moment speech is interrupted", async () => {
    const room = new RoomSink();
    const face = new FaceAudioOutput(room);
    await face.captureFrame(frame({ [MOUTH_USERDATA]: SPOKEN }));
    face.clearBuffer();
    expect(room.cleared).toBe(true);
    expect(face.mouth.shapeAt()).toEqual(MOUTH_AT_REST);
  });
});
