"use client";

import { useRemoteParticipant, useTracks } from "@livekit/components-react";
import { ConnectionState, Track } from "livekit-client";
import { useEffect, useState } from "react";

import type { StopReason } from "@/lib/client/session-api";

import { useRoomConnectionState } from "./use-room-connection-state";

export type LiveStatus = "connecting" | "joining" | "talking" | "reconnecting";

/**
 * Where the live conversation stands, from LiveKit's connection state and whether Jeremy's
 * video has arrived. Ends the session if he never arrives in time, or leaves.
 */
export function useConversationStatus(
  avatarIdentity: string,
  joinTimeoutMs: number,
  stop: (reason: StopReason) => void,
) {
  const connection = useRoomConnectionState();
  const avatar = useRemoteParticipant(avatarIdentity);
  const video = useTracks([Track.Source.Camera], { onlySubscribed: true }).find(
    (track) => track.participant.identity === avatarIdentity,
  );
  const voiceSubscribed = useTracks([Track.Source.Microphone], { onlySubscribed: true }).some(
    (track) => track.participant.identity === avatarIdentity,
  );
  const [arrived, setArrived] = useState(false);
  const connected = connection === ConnectionState.Connected;

  // Once Jeremy's video has been seen, he has arrived, even if the track later goes away.
  if (video && !arrived) setArrived(true);

  useEffect(() => {
    if (arrived) return;
    const timer = setTimeout(() => stop("avatar_timeout"), joinTimeoutMs);
    return () => clearTimeout(timer);
  }, [arrived, joinTimeoutMs, stop]);

  useEffect(() => {
    // Only a connected room can tell that Jeremy left; while reconnecting he may just be unseen.
    if (arrived && connected && !avatar) stop("avatar_left");
  }, [arrived, connected, avatar, stop]);

  const status: LiveStatus =
    connection === ConnectionState.Reconnecting || connection === ConnectionState.SignalReconnecting
      ? "reconnecting"
      : !connected
        ? "connecting"
        : video
          ? "talking"
          : "joining";
  return { status, video, avatar, voiceSubscribed };
}
