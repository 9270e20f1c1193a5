"use client";

import { LiveKitRoom } from "@livekit/components-react";
import type { Room } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";

import { BRAND } from "@/lib/brand";
import { readRememberedMicrophone, rememberMicrophone } from "@/lib/client/remembered-microphone";
import { connectEarly } from "@/lib/client/early-room";
import { forgetPausedSession } from "@/lib/client/remembered-pause";
import type { TurnMode } from "@/lib/client/remembered-turns";
import type { StartedSession, StopReason } from "@/lib/client/session-api";
import type { FaceView } from "@/lib/faces/types";

import { ConversationView } from "./conversation-view";
import { EndedPanel } from "./ended-panel";
import { HangUpConfirm } from "./hang-up-confirm";
import { PausedPanel } from "./paused-panel";
import { useFocusTrap } from "./use-focus-trap";
import { usePageLifecycle } from "./use-page-lifecycle";
import { usePause, type PauseState } from "./use-pause";
import { useSessionStop } from "./use-session-stop";

interface OverlayProps {
  started: StartedSession;
  /** When the start call returned (Date.now()); the countdown runs from here. */
  startedAt: number;
  /** The session's room, already connecting (see lib/client/early-room.ts). */
  room: Room;
  avatarJoinTimeoutSeconds: number;
  pauseMaxSeconds: number;
  /** How the person takes turns: automatically, or by holding a button. */
  turns: TurnMode;
  /** The faces offered: the one this session shows names the avatar on screen. */
  faces: FaceView[];
  onClose: () => void;
  /** Closes this conversation and starts another with the same options. */
  onTalkAgain: () => void;
}

/**
 * The conversation, full screen over the landing page. Every way out of it (hang-up, Escape,
 * timeouts, Jeremy leaving, closing the tab) ends the session on the server; a pause stops the
 * avatar session but keeps the conversation, to be resumed (or ended) later.
 */
export function ConversationOverlay({
  avatarJoinTimeoutSeconds,
  pauseMaxSeconds,
  turns,
  faces,
  onClose,
  onTalkAgain,
  ...first
}: OverlayProps) {
  // The stretch of conversation now running: the first, or the latest resumed one.
  const [segment, setSegment] = useState({
    started: first.started,
    startedAt: first.startedAt,
    room: first.room,
  });
  const { session, connection } = segment.started;
  const { state, stop } = useSessionStop(session.id);
  const [microphoneId] = useState(readRememberedMicrophone);
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const joinResumed = useCallback(
    async (next: StartedSession) => {
      const room = await connectEarly(next.connection, readRememberedMicrophone(), turns);
      setSegment({ started: next, startedAt: Date.now(), room });
    },
    [turns],
  );
  const paused = usePause(session.id, joinResumed);
  const ending = state.phase !== "active";
  useEffect(() => {
    if (ending) forgetPausedSession();
  }, [ending]);
  const away = paused.state.phase === "paused" || paused.state.phase === "resuming";
  const live = !ending && !away;
  const inRoom = useStayInRoomUntilAnswered(state);

  // While paused nothing bills: no heartbeat, and closing the tab leaves it resumable.
  usePageLifecycle(session.id, live && paused.state.phase === "live");
  const hangUp = useCallback(() => {
    setConfirming(false);
    void stop("hangup");
  }, [stop]);
  // Jeremy leaving during a pause is the pause, not a reason to end the conversation.
  const { isPausing, pause } = paused;
  const stopUnlessPausing = useCallback(
    (reason: StopReason) => {
      if (!isPausing()) void stop(reason);
    },
    [isPausing, stop],
  );
  const { room } = segment;
  const pauseAndLeave = useCallback(async () => {
    // Leave the room once the server has paused it (which closes the room anyway).
    if (await pause()) void room.disconnect();
  }, [pause, room]);
  const onEscape = useCallback(() => {
    if (live) setConfirming(true);
    else if (ending && state.phase !== "stopping") onClose();
  }, [live, ending, state.phase, onClose]);
  useFocusTrap(dialog, onEscape);
  const talkedSeconds = session.talkedSeconds;
  const avatarName =
    faces.find((face) => face.id === session.face)?.name ?? session.avatar.name ?? BRAND.avatarName;

  return (
    // The overlay is the window's height (dvh: a phone's browser bars come and go) and the card
    // never taller: the conversation fits the window rather than scrolling out of it.
    <div className="short:p-2 fixed inset-x-0 top-0 z-50 flex h-dvh items-center justify-center bg-black/80 p-3 backdrop-blur-sm sm:p-6">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="conversation-title"
        tabIndex={-1}
        data-testid="conversation-overlay"
        className={`short:rounded-2xl short:p-3 relative flex max-h-full w-full max-w-lg flex-col overflow-y-auto rounded-3xl border border-zinc-800 bg-zinc-950 p-3 shadow-2xl focus:outline-none sm:p-6 ${live ? LIVE_CARD : ""}`}
      >
        {inRoom && !away && (
          <LiveKitRoom
            key={connection.participantToken}
            serverUrl={connection.serverUrl}
            token={connection.participantToken}
            room={segment.room}
            connect
            // Held turns: the microphone stays muted until the person holds to talk.
            audio={turns === "hold" ? false : microphoneId ? { deviceId: microphoneId } : true}
            video={false}
            className="side:flex-1 flex min-h-0 flex-col"
          >
            {live && (
              <ConversationView
                avatar={{
                  identity: session.avatar.identity ?? "jeremy",
                  name: avatarName,
                }}
                joinTimeoutMs={avatarJoinTimeoutSeconds * 1000}
                endsAt={segment.startedAt + (session.maxDurationSeconds - talkedSeconds) * 1000}
                stop={stopUnlessPausing}
                onHangUp={hangUp}
                pausing={paused.state.phase === "pausing"}
                pauseError={paused.state.phase === "live" ? paused.state.error : undefined}
                onPause={() => void pauseAndLeave()}
                onDevicePicked={rememberMicrophone}
                holdToTalk={turns === "hold"}
              />
            )}
          </LiveKitRoom>
        )}
        {!ending && away && (
          <PausedPanel
            state={paused.state as Extract<PauseState, { phase: "paused" | "resuming" }>}
            pauseMaxSeconds={pauseMaxSeconds}
            avatarName={avatarName}
            onResume={() => void paused.resume()}
            onEnd={hangUp}
          />
        )}
        {ending && (
          <EndedPanel
            state={state}
            sessionId={session.id}
            avatarName={avatarName}
            onClose={onClose}
            onTalkAgain={onTalkAgain}
          />
        )}
        {confirming && live && (
          <HangUpConfirm onConfirm={hangUp} onCancel={() => setConfirming(false)} />
        )}
      </div>
    </div>
  );
}

/**
 * The live card: its width is what the video sizes by (a container), and beside-the-video layouts
 * fill the window's height, as wide as a square video plus the column of captions and controls.
 */
const LIVE_CARD =
  "@container side:h-full side:max-w-[calc(100dvh+22rem)] side:[container-type:size] short:side:max-w-[calc(100dvh+26rem)]";

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
