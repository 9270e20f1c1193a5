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

/** LiveKit's transcription attributes: which track a line transcribes, and whether it is final. */
const TRANSCRIBED_TRACK = "lk.transcribed_track_id";
const FINAL = "lk.transcription_final";

/**
 * What Jeremy says, as captions, plus what the user said (as the avatar's speech-to-text heard
 * it) and typed, in order. The avatar publishes both its own lines and the user's; the user's
 * come in the user's name (LiveKit Agents sends them on their behalf) or name this page's own
 * microphone track, and only their final version is shown (and only while `showHeard`: the
 * offline demo hears that you spoke, not what you said).
 */
export function useCaptions(avatarIdentity: string, { showHeard }: { showHeard: boolean }) {
  const room = useRoomContext();
  const [lines, setLines] = useState<CaptionLine[]>([]);
  // The line Jeremy is saying right now, word by word as he says it; it joins `lines` (and is
  // announced) once it is over.
  const [saying, setSaying] = useState<{ id: string; text: string } | null>(null);
  const add = useCallback(
    (line: CaptionLine) => setLines((all) => [...all.slice(-(KEEP_LINES - 1)), line]),
    [],
  );

  useEffect(() => {
    room.registerTextStreamHandler(TOPICS.transcription, async (reader, participant) => {
      const attributes = reader.info.attributes ?? {};
      const track = attributes[TRANSCRIBED_TRACK];
      const own =
        participant.identity === room.localParticipant.identity ||
        (track !== undefined &&
          [...room.localParticipant.trackPublications.values()].some((p) => p.trackSid === track));
      if (!own && participant.identity !== avatarIdentity) return;
      if (own && (!showHeard || attributes[FINAL] !== "true")) return;
      const id = reader.info.id;
      let text = "";
      for await (const chunk of reader) {
        text += chunk;
        if (!own) setSaying({ id, text });
      }
      if (!own) setSaying((now) => (now?.id === id ? null : now));
      text = text.trim();
      if (text) add({ id, speaker: own ? "you" : "jeremy", text });
    });
    return () => room.unregisterTextStreamHandler(TOPICS.transcription);
  }, [room, avatarIdentity, add, showHeard]);

  const addOwn = useCallback(
    (text: string) => add({ id: `you-${Date.now()}`, speaker: "you", text }),
    [add],
  );
  return { lines, saying: saying?.text.trim() || null, addOwn };
}
