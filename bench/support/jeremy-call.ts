// One conversation from Node, as the page would hold it: start a session through the app,
// join its room with the returned token, publish a microphone, and get Jeremy's tracks.
import {
  type RemoteParticipant,
  type RemoteTrack,
  Room,
  RoomEvent,
  TrackKind,
} from "@livekit/rtc-node";

import { PUBLISH_ON_BEHALF_ATTRIBUTE } from "@/lib/contract";
import { AVATAR } from "@/lib/providers/local/worker-contract";

import { publishMicrophone } from "./microphone";
import { SessionClient } from "./session-client";

export type JeremyCall = Awaited<ReturnType<typeof startCall>>;

/** Starts a session and joins it; Jeremy's tracks arrive as he publishes them. */
export async function startCall(profile = "interviewer") {
  const client = new SessionClient();
  const started = await client.start({ profile });
  const stopHeartbeat = client.keepAlive(started.session.id);
  const room = new Room();
  const voice = jeremyTrack(room, TrackKind.KIND_AUDIO);
  const face = jeremyTrack(room, TrackKind.KIND_VIDEO);
  await room.connect(started.connection.serverUrl, started.connection.participantToken, {
    autoSubscribe: true,
    dynacast: false,
  });
  const microphone = await publishMicrophone(room);

  return {
    sessionId: started.session.id,
    room,
    microphone,
    /** Jeremy's voice track, once subscribed. */
    voice,
    /** Jeremy's face track, once subscribed. */
    face,
    /** Hangs up as the page does: stop the session, then leave the room. */
    async hangUp() {
      stopHeartbeat();
      await client.stop(started.session.id);
      await microphone.close();
      await room.disconnect();
    },
  };
}

/** Whether `participant` shows and voices Jeremy: he himself, or a face on his behalf. */
function isJeremysFace(participant: RemoteParticipant): boolean {
  return (
    participant.identity === AVATAR.identity ||
    participant.attributes[PUBLISH_ON_BEHALF_ATTRIBUTE] === AVATAR.identity
  );
}

function jeremyTrack(room: Room, kind: TrackKind): Promise<RemoteTrack> {
  return new Promise((resolve) => {
    const onSubscribed = (track: RemoteTrack, _: unknown, participant: RemoteParticipant) => {
      if (!isJeremysFace(participant) || track.kind !== kind) return;
      room.off(RoomEvent.TrackSubscribed, onSubscribed);
      resolve(track);
    };
    room.on(RoomEvent.TrackSubscribed, onSubscribed);
  });
}
