// Counts the frames of a received video track as they come out of the decoder.
import { type RemoteTrack, VideoStream } from "@livekit/rtc-node";

export function countFrames(track: RemoteTrack) {
  const reader = new VideoStream(track).getReader();
  const arrivals: number[] = [];
  let markFirst: () => void = () => {};
  const firstFrame = new Promise<void>((resolve) => (markFirst = resolve));
  void (async () => {
    for (;;) {
      const { done } = await reader.read();
      if (done) return;
      arrivals.push(performance.now());
      markFirst();
    }
  })().catch(() => undefined);

  return {
    firstFrame,
    /** Frames per second between `from` and `to` (performance.now()), first to last frame. */
    fps(from: number, to: number): number {
      const inside = arrivals.filter((at) => at >= from && at <= to);
      if (inside.length < 2) return 0;
      return (inside.length - 1) / ((inside.at(-1)! - inside[0]!) / 1000);
    },
    close: () => void reader.cancel().catch(() => undefined),
  };
}
