"use client";

import { useRoomContext } from "@livekit/components-react";
import { ConnectionState } from "livekit-client";
import { useEffect } from "react";

import { REDUCED_MOTION_ATTRIBUTE } from "@/lib/contract";

import { useRoomConnectionState } from "./use-room-connection-state";

/** Tells Jeremy (through a participant attribute) whether this person prefers reduced motion. */
export function useReducedMotionForJeremy() {
  const room = useRoomContext();
  const connected = useRoomConnectionState() === ConnectionState.Connected;
  useEffect(() => {
    if (!connected) return;
    const query = window.matchMedia("(prefers-reduced-motion: reduce)");
    const tell = () =>
      void room.localParticipant
        .setAttributes({ [REDUCED_MOTION_ATTRIBUTE]: String(query.matches) })
        .catch(() => undefined);
    tell();
    query.addEventListener("change", tell);
    return () => query.removeEventListener("change", tell);
  }, [room, connected]);
}
