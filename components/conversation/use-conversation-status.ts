"use client";

import { useRemoteParticipant, useRemoteParticipants, useTracks } from "@livekit/components-react";
import { ConnectionState, Track } from "livekit-client";
import { useEffect, useState } from "react";

import { faceOf } from "@/lib/client/avatar-face";
import { FACE_FAILED_ATTRIBUTE } from "@/lib/contract";
import type { StopReason } from "@/lib/client/session-api";

import { useRoomConnectionState } from "./use-room-connection-state";

export type LiveStatus = "connecting" | "joining" | "talking" | "reconnecting";

/**
 * Where the live conversation stands, from LiveKit's connection state and whether Jeremy's
 * video has arrived. Ends the session if he never arrives in time, or leaves. His video and voice
 * come from his face: an avatar participant of its own when he has one (LiveKit's avatar
 * protocol), else his own participant.
 */
export function useConversationStatus(
  avatarIdentity: string,
  joinTimeoutMs: number,
  stop: (reason: StopReason) => void,
) {
  const connection = useRoomConnectionState();
  const avatar = useRemoteParticipant(avatarIdentity);
  const participants = useRemoteParticipants();
  const face = faceOf(participants, avatarIdentity);
  const faceIdentity = face?.identity ?? avatarIdentity;
  const video = useTracks([Track.Source.Camera], { onlySubscribed: true }).find(
    (track) => track.participant.identity === faceIdentity,
  );
  const voiceSubscribed = useTracks([Track.Source.Microphone], { onlySubscribed: true }).some(
    (track) => track.participant.identity === faceIdentity,
  );
  const [arrived, setArrived] = useState(false);
  // A face of his own, once seen: its leaving is his leaving.
  const [ownFace, setOwnFace] = useState<string>();
  const connected = connection === ConnectionState.Connected;

  // Once Jeremy's video has been seen, he has arrived, even if the track later goes away.
  if (video && !arrived) setArrived(true);
  if (face && face.identity !== avatarIdentity && ownFace !== face.identity) {
    setOwnFace(face.identity);
  }
  const faceGone = ownFace !== undefined && !participants.some((p) => p.identity === ownFace);

  useEffect(() => {
    if (arrived) return;
    const timer = setTimeout(() => stop("avatar_timeout"), joinTimeoutMs);
    return () => clearTimeout(timer);
  }, [arrived, joinTimeoutMs, stop]);

  // The agent says the face the session chose cannot be had (a vendor refused it): end at once.
  const faceFailed = avatar?.attributes[FACE_FAILED_ATTRIBUTE] !== undefined;
  useEffect(() => {
    if (faceFailed) stop("face_failed");
  }, [faceFailed, stop]);

  useEffect(() => {
    // Only a connected room can tell that Jeremy left; while reconnecting he may just be unseen.
    if (arrived && connected && (!avatar || faceGone)) stop("avatar_left");
  }, [arrived, connected, avatar, faceGone, stop]);

  const status: LiveStatus =
    connection === ConnectionState.Reconnecting || connection === ConnectionState.SignalReconnecting
      ? "reconnecting"
      : !connected
        ? "connecting"
        : video
          ? "talking"
          : "joining";
  return { status, video, avatar, face, voiceSubscribed };
}
