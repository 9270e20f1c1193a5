import {
  LocalVideoTrack,
  type Room,
  TrackPublishOptions,
  TrackSource,
  VideoBufferType,
  VideoCodec,
  VideoFrame,
  VideoSource,
} from "@livekit/rtc-node";

import { createAnimator, type AnimatorInput } from "./face/animator";
import { createFaceRenderer, type FaceRenderer } from "./face/face-renderer";

export const VIDEO_SIZE = 512;

/**
 * The stream Jeremy's video and voice are published in. LiveKit groups the tracks of one
 * participant that name the same stream, and the browser then plays them in sync (lip sync holds
 * the video back to the voice's jitter buffer). Tracks in no stream are played each as soon as
 * it can be, and the mouth runs ahead of the voice.
 */
export const FACE_STREAM = "face";

export interface VideoStats {
  framesSent: number;
  /** Frames per second achieved since the track was published. */
  fps: number;
  /** Mean milliseconds spent animating, drawing and handing over one frame. */
  meanFrameCostMs: number;
}

/** How Jeremy's face is sent: VP8, one layer (no simulcast), the full-size picture. */
export function faceTrackOptions(fps: number): TrackPublishOptions {
  return new TrackPublishOptions({
    source: TrackSource.SOURCE_CAMERA,
    simulcast: false,
    videoCodec: VideoCodec.VP8,
    videoEncoding: { maxBitrate: BigInt(900_000), maxFramerate: fps },
    stream: FACE_STREAM,
  });
}

/**
 * Publishes Jeremy's face as a 512×512 video track and keeps it moving at `fps`, asking
 * `current()` each frame what the conversation is doing. One layer, no simulcast: the page
 * always gets the full-size picture.
 */
export async function publishFace(
  room: Room,
  fps: number,
  current: () => Omit<AnimatorInput, "nowMs">,
  renderer: FaceRenderer = createFaceRenderer(VIDEO_SIZE),
) {
  const source = new VideoSource(VIDEO_SIZE, VIDEO_SIZE);
  const track = LocalVideoTrack.createVideoTrack("jeremy-face", source);
  await room.localParticipant!.publishTrack(track, faceTrackOptions(fps));

  const animator = createAnimator({ seed: Date.now() % 100_000 });
  const frameMs = 1000 / fps;
  const startedAt = performance.now();
  let framesSent = 0;
  let busyMs = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const tick = () => {
    if (stopped) return;
    const now = performance.now();
    const pixels = renderer.render(animator.next({ nowMs: now, ...current() }));
    const frame = new VideoFrame(
      new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength),
      VIDEO_SIZE,
      VIDEO_SIZE,
      VideoBufferType.RGBA,
    );
    source.captureFrame(frame, BigInt(Math.round(now * 1000)));
    framesSent += 1;
    busyMs += performance.now() - now;
    // Schedule against the ideal timeline, so a slow frame does not slow the whole video down.
    const next = startedAt + (framesSent + 1) * frameMs;
    timer = setTimeout(tick, Math.max(0, next - performance.now()));
  };
  tick();

  return {
    stats(): VideoStats {
      const seconds = (performance.now() - startedAt) / 1000;
      return {
        framesSent,
        fps: framesSent / Math.max(seconds, 0.001),
        meanFrameCostMs: busyMs / Math.max(framesSent, 1),
      };
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await source.close();
    },
  };
}
