import type { Room } from "@livekit/rtc-node";

/** The text-stream topic the page sends typed turns on (LiveKit's chat topic). */
export const CHAT_TOPIC = "lk.chat";
const MAX_TYPED_CHARACTERS = 2000;

/** Calls `onText` with each message the user types into the conversation. */
export function receiveTypedTurns(
  room: Room,
  userIdentity: string,
  onText: (text: string) => void,
) {
  room.registerTextStreamHandler(CHAT_TOPIC, async (reader, participant) => {
    if (participant.identity !== userIdentity) return;
    const text = (await reader.readAll()).trim().slice(0, MAX_TYPED_CHARACTERS);
    if (text !== "") onText(text);
  });
  return () => room.unregisterTextStreamHandler(CHAT_TOPIC);
}
