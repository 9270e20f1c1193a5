"use client";

import { useRoomContext } from "@livekit/components-react";
import { RoomEvent, type ConnectionState } from "livekit-client";
import { useCallback, useSyncExternalStore } from "react";

/**
 * The room's connection state, read from the room itself whenever it changes. The page joins
 * the room before this component mounts (lib/client/early-room.ts); components-react's
 * useConnectionState takes its first value when it renders and its updates only once its
 * effect subscribes, so a room that connected in between was shown "connecting" for good.
 */
export function useRoomConnectionState(): ConnectionState {
  const room = useRoomContext();
  const subscribe = useCallback(
    (changed: () => void) => {
      room.on(RoomEvent.ConnectionStateChanged, changed);
      return () => {
        room.off(RoomEvent.ConnectionStateChanged, changed);
      };
    },
    [room],
  );
  const read = () => room.state;
  return useSyncExternalStore(subscribe, read, read);
}
