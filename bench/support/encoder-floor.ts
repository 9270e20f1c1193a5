// The floor Jeremy's worker is measured against: a process that only encodes and sends what a
// conversation sends (his face as VP8 at the same size, rate and bitrate, and a voice as Opus),
// from frames drawn before it starts and already in the encoder's own format (I420). Its CPU is
// what the encoders and the minimum of plumbing cost; the worker's is compared with it.
// Run as its own process (bench/worker-load.ts does): `node --import tsx
// bench/support/encoder-floor.ts` with LIVEKIT_URL, FLOOR_TOKEN and JEREMY_FPS set; it prints
// "ready" once both tracks are published, and sends until it is killed.
import { LocalVideoTrack, Room, VideoBufferType, VideoFrame, VideoSource } from "@livekit/rtc-node";

import { createAnimator } from "@/face-worker/face/animator";
import { createFaceRenderer } from "@/face-worker/face/face-renderer";
import { faceTrackOptions, VIDEO_SIZE } from "@/face-worker/video-publisher";

import { publishMicrophone } from "./microphone";
import { userSpeech } from "./user-speech";

const fps = Number(process.env.JEREMY_FPS ?? 25);
// Four seconds of Jeremy talking, looped: enough motion that the encoder works as it does live.
const LOOP_SECONDS = 4;

const animator = createAnimator({ seed: 3 });
const renderer = createFaceRenderer(VIDEO_SIZE);
const frames: VideoFrame[] = [];
for (let i = 0; i < LOOP_SECONDS * fps; i++) {
  const nowMs = (i * 1000) / fps;
  const open = Math.max(0, Math.sin((nowMs / 1000) * Math.PI * 5)) * 0.8;
  const pose = animator.next({
    nowMs,
    mouth: { open, wide: 0.5, round: 0.2 },
    speaking: true,
    listening: false,
  });
  const rgba = renderer.render(pose).slice();
  frames.push(
    new VideoFrame(rgba, VIDEO_SIZE, VIDEO_SIZE, VideoBufferType.RGBA).convert(
      VideoBufferType.I420,
    ),
  );
}
const speech = await userSpeech("Thank you. Tell me about a project you are proud of.");

const room = new Room();
await room.connect(process.env.LIVEKIT_URL!, process.env.FLOOR_TOKEN!, {
  autoSubscribe: false,
  dynacast: false,
});
const source = new VideoSource(VIDEO_SIZE, VIDEO_SIZE);
await room.localParticipant!.publishTrack(
  LocalVideoTrack.createVideoTrack("floor-face", source),
  faceTrackOptions(fps),
);
const voice = await publishMicrophone(room);
console.log("ready");

// The voice talks without a break: an upper bound on what Jeremy's costs.
void (async () => {
  for (;;) await voice.say(speech);
})();
const startedAt = performance.now();
let sent = 0;
const tick = () => {
  const now = performance.now();
  source.captureFrame(frames[sent % frames.length]!, BigInt(Math.round(now * 1000)));
  sent += 1;
  setTimeout(tick, Math.max(0, startedAt + ((sent + 1) * 1000) / fps - performance.now()));
};
tick();
