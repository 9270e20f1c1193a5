"use client";

import { ParticipantEvent, type Participant } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";

/** One of `participant`'s attributes, kept current; undefined while there is no participant. */
export function useParticipantAttribute(
  participant: Participant | undefined,
  name: string,
): string | undefined {
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
