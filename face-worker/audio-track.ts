import {
  AudioSource,
  LocalAudioTrack,
  type Room,
  TrackPublishOptions,
  TrackSource,
} from "@livekit/rtc-node";

/**
 * Publishes a mono audio track as a microphone would, fed through the returned source, which
 * holds at most `queueMs` of audio ahead of what has been sent; in `stream`, if named, with the
 * video it goes with, so the two play in sync.
 */
export async function publishAudioTrack(
  room: Room,
  options: { name: string; sampleRate: number; queueMs: number; stream?: string },
) {
  const source = new AudioSource(options.sampleRate, 1, options.queueMs);
  const track = LocalAudioTrack.createAudioTrack(options.name, source);
  const publication = await room.localParticipant!.publishTrack(
    track,
    new TrackPublishOptions({
      source: TrackSource.SOURCE_MICROPHONE,
      ...(options.stream ? { stream: options.stream } : {}),
    }),
  );
  return { source, publication };
}
