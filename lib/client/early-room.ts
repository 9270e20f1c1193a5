// Joining a LiveKit room takes a few round trips. Starting them the moment the session exists,
// while the conversation's code is still loading, takes that time off the wait for Jeremy.
import type { Room } from "livekit-client";

import { TURN_MODE_ATTRIBUTE } from "@/lib/contract";

import type { TurnMode } from "./remembered-turns";
import type { Connection } from "./session-api";

/**
 * A room already connecting (with the microphone on once connected), for LiveKitRoom to adopt.
 * With hold to talk the microphone is published muted, ready for the first press, and the
 * person's participant tells the avatar how they take turns.
 */
export async function connectEarly(
  connection: Connection,
  microphoneId?: string,
  turns: TurnMode = "auto",
): Promise<Room> {
  const { createLocalAudioTrack, Room, RoomEvent, Track } = await import("livekit-client");
  const capture = microphoneId ? { deviceId: microphoneId } : undefined;
  // Closing the tab sends the stop as a beacon (page_closed) and the server's stop closes the
  // room; were the page to leave the room itself as it closes, LiveKit would report the person
  // gone (user_left) in a race with that beacon.
  const room = new Room({ adaptiveStream: false, dynacast: false, disconnectOnPageLeave: false });
  room.once(RoomEvent.SignalConnected, () => {
    void (async () => {
      const me = room.localParticipant;
      if (turns === "auto") return me.setMicrophoneEnabled(true, capture);
      // Hold to talk: the microphone is published muted, and live only while held.
      await me.setAttributes({ [TURN_MODE_ATTRIBUTE]: "hold" });
      const microphone = await createLocalAudioTrack(capture);
      await microphone.mute();
      await me.publishTrack(microphone, { source: Track.Source.Microphone });
    })().catch(() => undefined);
  });
  // A failure here surfaces again when LiveKitRoom connects: it retries and reports.
  room.connect(connection.serverUrl, connection.participantToken).catch(() => undefined);
  return room;
}
