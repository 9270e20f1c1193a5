import {
  AudioStream,
  type RemoteParticipant,
  type RemoteTrack,
  type Room,
  RoomEvent,
  TrackKind,
} from "@livekit/rtc-node";

import { TurnDetector, type TurnEvent } from "../speech/turn-detector";

import { VOICE_SAMPLE_RATE } from "./voice-publisher";

/**
 * The silence that ends a turn: long enough not to cut in on a breath, short enough that Jeremy
 * answers promptly.
 */
export const TURN_HANGOVER_MS = 300;

/**
 * Listens to the user's microphone and finds their turns with voice activity detection. The
 * detector runs on the user's own 48 kHz audio, which also serves as the recording the echo
 * profile plays back.
 */
export async function listenToUser(
  room: Room,
  user: RemoteParticipant,
  onEvent: (event: TurnEvent) => void,
) {
  const detector = await TurnDetector.create({
    sampleRate: VOICE_SAMPLE_RATE,
    hangoverMs: TURN_HANGOVER_MS,
  });
  let stream: AudioStream | undefined;

  const consume = async (track: RemoteTrack) => {
    stream = new AudioStream(track, { sampleRate: VOICE_SAMPLE_RATE, numChannels: 1 });
    detector.reset();
    const reader = stream.getReader();
    for (;;) {
      const { done, value: frame } = await reader.read();
      if (done) break;
      for (const event of detector.push(frame.data)) onEvent(event);
    }
  };
  const onSubscribed = (track: RemoteTrack, _: unknown, participant: RemoteParticipant) => {
    if (participant.identity === user.identity && track.kind === TrackKind.KIND_AUDIO) {
      consume(track).catch((error: unknown) => console.error("Microphone stream failed", error));
    }
  };
  room.on(RoomEvent.TrackSubscribed, onSubscribed);
  for (const publication of user.trackPublications.values()) {
    if (publication.track && publication.kind === TrackKind.KIND_AUDIO)
      onSubscribed(publication.track, publication, user);
  }

  return {
    /** True from the moment the user starts speaking until their turn ends. */
    userSpeaking: () => detector.speaking,
    close() {
      room.off(RoomEvent.TrackSubscribed, onSubscribed);
      void stream?.cancel().catch(() => undefined);
      detector.close();
    },
  };
}
