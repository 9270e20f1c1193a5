"use client";

import { LiveKitRoom } from "@livekit/components-react";
import type { Room } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";

import { BRAND } from "@/lib/brand";
import { readRememberedMicrophone, rememberMicrophone } from "@/lib/client/remembered-microphone";
import type { StartedSession } from "@/lib/client/session-api";

import { ConversationView } from "./conversation-view";
import { EndedPanel } from "./ended-panel";
import { HangUpConfirm } from "./hang-up-confirm";
import { useFocusTrap } from "./use-focus-trap";
import { usePageLifecycle } from "./use-page-lifecycle";
import { useSessionStop } from "./use-session-stop";

interface OverlayProps {
  started: StartedSession;
  /** When the start call returned (Date.now()); the countdown runs from here. */
  startedAt: number;
  /** The session's room, already connecting (see lib/client/early-room.ts). */
  room: Room;
  avatarJoinTimeoutSeconds: number;
  onClose: () => void;
}

/**
 * The conversation, full screen over the landing page. Every way out of it (hang-up, Escape,
 * timeouts, Jeremy leaving, closing the tab) ends the session on the server.
 */
export function ConversationOverlay({
  started,
  startedAt,
  room,
  avatarJoinTimeoutSeconds,
  onClose,
}: OverlayProps) {
  const { session, connection } = started;
  const { state, stop } = useSessionStop(session.id);
  const [microphoneId] = useState(readRememberedMicrophone);
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const live = state.phase === "active";
  const inRoom = useStayInRoomUntilAnswered(state);

  usePageLifecycle(session.id, live);
  const hangUp = useCallback(() => {
    setConfirming(false);
    void stop("hangup");
  }, [stop]);
  const onEscape = useCallback(
    () => (live ? setConfirming(true) : state.phase !== "stopping" && onClose()),
    [live, state.phase, onClose],
  );
  useFocusTrap(dialog, onEscape);

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center overflow-y-auto bg-black/80 p-3 backdrop-blur-sm sm:p-6">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="conversation-title"
        tabIndex={-1}
        data-testid="conversation-overlay"
        className="relative w-full max-w-lg rounded-3xl border border-zinc-800 bg-zinc-950 p-4 shadow-2xl focus:outline-none sm:p-6"
      >
        {inRoom && (
          <LiveKitRoom
            serverUrl={connection.serverUrl}
            token={connection.participantToken}
            room={room}
            connect
            audio={microphoneId ? { deviceId: microphoneId } : true}
            video={false}
          >
            {live && (
              <ConversationView
                avatar={{
                  identity: session.avatar.identity ?? "jeremy",
                  name: session.avatar.name ?? BRAND.avatarName,
                }}
                joinTimeoutMs={avatarJoinTimeoutSeconds * 1000}
                endsAt={startedAt + session.maxDurationSeconds * 1000}
                stop={stop}
                onHangUp={hangUp}
                onDevicePicked={rememberMicrophone}
              />
            )}
          </LiveKitRoom>
        )}
        {!live && <EndedPanel state={state} onClose={onClose} />}
        {confirming && live && (
          <HangUpConfirm onConfirm={hangUp} onCancel={() => setConfirming(false)} />
        )}
      </div>
    </div>
  );
}

/** How long the page stays in the room after asking to stop, if the server has not answered. */
const LEAVE_ROOM_DEADLINE_MS = 3000;

/**
 * Hanging up asks the server to stop first and leaves the room once it has answered (or after a
 * short deadline while online): leaving first would have LiveKit report the person gone, racing
 * the page's own stop with an inferred reason. The server's stop closes the room anyway. While
 * offline the page stays until its stop gets through.
 */
function useStayInRoomUntilAnswered(state: ReturnType<typeof useSessionStop>["state"]) {
  const stopping = state.phase === "stopping";
  const offline = stopping && state.offline;
  const answered = state.phase !== "active" && (!stopping || state.serverPending);
  const [deadlinePassed, setDeadlinePassed] = useState(false);
  useEffect(() => {
    if (!stopping || offline) return;
    const timer = setTimeout(() => setDeadlinePassed(true), LEAVE_ROOM_DEADLINE_MS);
    return () => clearTimeout(timer);
  }, [stopping, offline]);
  return state.phase === "active" || (!answered && !deadlinePassed);
}
