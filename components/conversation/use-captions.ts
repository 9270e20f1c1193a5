"use client";

import { useRoomContext } from "@livekit/components-react";
import { useCallback, useEffect, useState } from "react";

import { TOPICS } from "@/lib/contract";

/** LiveKit's text-stream topic for transcriptions; Jeremy publishes what he says on it. */
const KEEP_LINES = 30;

export interface CaptionLine {
  id: string;
  speaker: "jeremy" | "you";
  text: string;
}

/** What Jeremy says, as captions, plus the turns the user typed, in order. */
export function useCaptions(avatarIdentity: string) {
  const room = useRoomContext();
  const [lines, setLines] = useState<CaptionLine[]>([]);
  const add = useCallback(
    (line: CaptionLine) => setLines((all) => [...all.slice(-(KEEP_LINES - 1)), line]),
    [],
  );

  useEffect(() => {
    room.registerTextStreamHandler(TOPICS.transcription, async (reader, participant) => {
      if (participant.identity !== avatarIdentity) return;
      const text = (await reader.readAll()).trim();
      if (text) add({ id: reader.info.id, speaker: "jeremy", text });
    });
    return () => room.unregisterTextStreamHandler(TOPICS.transcription);
  }, [room, avatarIdentity, add]);

  const addOwn = useCallback(
    (text: string) => add({ id: `you-${Date.now()}`, speaker: "you", text }),
    [add],
  );
  return { lines, addOwn };
}
