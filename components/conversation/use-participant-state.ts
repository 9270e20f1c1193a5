"use client";

import { ParticipantEvent, type Participant } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";

/**
 * Something about `participant` (`read` it), kept current by re-reading whenever it emits
 * `event`; `read` is given undefined while there is no participant.
 */
export function useParticipantState<T>(
  participant: Participant | undefined,
  event: ParticipantEvent.AttributesChanged | ParticipantEvent.IsSpeakingChanged,
  read: (participant: Participant | undefined) => T,
): T {
  const subscribe = useCallback(
    (onChange: () => void) => {
      participant?.on(event, onChange);
      return () => {
        participant?.off(event, onChange);
      };
    },
    [participant, event],
  );
  return useSyncExternalStore(
    subscribe,
    () => read(participant),
    () => read(undefined),
  );
}

/** One of `participant`'s attributes; undefined while there is no participant. */
export function useParticipantAttribute(
  participant: Participant | undefined,
  name: string,
): string | undefined {
  return useParticipantState(
    participant,
    ParticipantEvent.AttributesChanged,
    (p) => p?.attributes[name],
  );
}
