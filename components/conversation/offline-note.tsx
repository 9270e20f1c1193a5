"use client";

import { ParticipantEvent, type Participant } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";

import { AVATAR_LISTENING_ATTRIBUTE } from "@/lib/contract";

/** One line while the avatar runs as the offline demo: it follows a script, not your words. */
export function OfflineNote({ avatar, name }: { avatar: Participant | undefined; name: string }) {
  const listening = useAttribute(avatar, AVATAR_LISTENING_ATTRIBUTE);
  if (listening !== "false") return null;
  return (
    <p data-testid="offline-note" className="w-full text-center text-xs text-zinc-400">
      Offline demo: {name} follows a script. Set LLM_BASE_URL and STT_BASE_URL to let him listen.
    </p>
  );
}

/** One of `participant`'s attributes, kept current. */
function useAttribute(participant: Participant | undefined, name: string): string | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => {
      participant?.on(ParticipantEvent.AttributesChanged, onChange);
      return () => {
        participant?.off(ParticipantEvent.AttributesChanged, onChange);
      };
    },
    [participant],
  );
  return useSyncExternalStore(
    subscribe,
    () => participant?.attributes[name],
    () => undefined,
  );
}
