import type { Room } from "@livekit/rtc-node";

import { MAX_TYPED_TURN_CHARACTERS, TOPICS } from "@/lib/contract";

/** The text-stream topic the page sends typed turns on (LiveKit's chat topic). */

/** Calls `onText` with each message the user types into the conversation. */
export function receiveTypedTurns(
  room: Room,
  userIdentity: string,
  onText: (text: string) => void,
) {
  room.registerTextStreamHandler(TOPICS.chat, async (reader, participant) => {
    if (participant.identity !== userIdentity) return;
    const text = (await reader.readAll()).trim().slice(0, MAX_TYPED_TURN_CHARACTERS);
    if (text !== "") onText(text);
  });
  return () => room.unregisterTextStreamHandler(TOPICS.chat);
}
