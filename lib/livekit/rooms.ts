// The LiveKit room a session's conversation runs in, when the room is on our own LiveKit (the
// local avatar, or Equos joining our server). Each billed stretch of a session gets a room of
// its own, so that news of a room the session has left (LiveKit reports a deleted room a moment
// later) is never taken for news of the room it is in now.

const SEGMENT_SEPARATOR = ".";

/** The first stretch's room is named by the session id; a resumed one adds its number: ".2". */
export function roomNameFor(sessionId: string, segment = 1): string {
  return segment <= 1 ? sessionId : `${sessionId}${SEGMENT_SEPARATOR}${segment}`;
}

/** The session id in a room's name (the name itself when it has no stretch number). */
export function sessionIdOfRoom(room: string): string {
  const at = room.indexOf(SEGMENT_SEPARATOR);
  return at === -1 ? room : room.slice(0, at);
}
