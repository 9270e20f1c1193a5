// Joining a LiveKit room takes a few round trips. Starting them the moment the session exists,
// while the conversation's code is still loading, takes that time off the wait for Jeremy.
import type { Room } from "livekit-client";

import type { Connection } from "./session-api";

/** A room already connecting (with the microphone on once connected), for LiveKitRoom to adopt. */
export async function connectEarly(connection: Connection, microphoneId?: string): Promise<Room> {
  const { Room, RoomEvent } = await import("livekit-client");
  // Closing the tab sends the stop as a beacon (page_closed) and the server's stop closes the
  // room; were the page to leave the room itself as it closes, LiveKit would report the person
  // gone (user_left) in a race with that beacon.
  const room = new Room({ adaptiveStream: false, dynacast: false, disconnectOnPageLeave: false });
  room.once(RoomEvent.SignalConnected, () => {
    void room.localParticipant
      .setMicrophoneEnabled(true, microphoneId ? { deviceId: microphoneId } : undefined)
      .catch(() => undefined);
  });
  // A failure here surfaces again when LiveKitRoom connects: it retries and reports.
  room.connect(connection.serverUrl, connection.participantToken).catch(() => undefined);
  return room;
}
