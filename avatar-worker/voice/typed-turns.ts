// Typed turns: the person's text on lk.chat. Read here rather than by LiveKit Agents' RoomIO,
// whose reader takes in a whole stream, of any size, before the turn starts: a participant is not
// trusted, and the page's own 2,000-character limit binds only the page. Each stream is read up
// to TURN_MAX_CHARS and then closed, so the rest of a longer one is never taken in.
import type { RemoteParticipant, Room, TextStreamReader } from "@livekit/rtc-node";

import { TOPICS } from "@/lib/contract";

import { cutText, TURN_MAX_CHARS } from "./limits";

/**
 * Hands each typed turn from `user` to `onTurn` (blank ones are dropped); returns the cleanup.
 * Streams from anyone else are closed unread.
 */
export function serveTypedTurns(
  room: Room,
  user: RemoteParticipant,
  onTurn: (text: string) => void,
  log: (message: string) => void,
): () => void {
  room.registerTextStreamHandler(TOPICS.chat, (reader, { identity }) => {
    if (identity !== user.identity) {
      void reader.close();
      return;
    }
    readTurn(reader)
      .then(
        ({ text, cut }) => {
          if (cut) log(`a typed turn was cut to its first ${TURN_MAX_CHARS} characters`);
          if (text.trim() !== "") onTurn(text);
        },
        (error: unknown) => log(`a typed turn could not be read: ${String(error)}`),
      )
      .catch((error: unknown) => log(`a typed turn failed: ${String(error)}`));
  });
  return () => room.unregisterTextStreamHandler(TOPICS.chat);
}

/** A stream's text up to `max` characters; `cut` when it held more. */
export async function readTurn(
  reader: TextStreamReader,
  max: number = TURN_MAX_CHARS,
): Promise<{ text: string; cut: boolean }> {
  let text = "";
  for await (const chunk of reader) {
    text += chunk;
    // Leaving the loop closes the stream: nothing more of it is received.
    if (text.length > max) break;
  }
  return { text: cutText(text, max), cut: text.length > max };
}
