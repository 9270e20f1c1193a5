"use client";

import { lazy, Suspense, useCallback, useState } from "react";

import type { Room } from "livekit-client";

import { connectEarly } from "@/lib/client/early-room";
import { checkMicrophone, type MicrophoneCheck } from "@/lib/client/microphone";
import { readRememberedMicrophone } from "@/lib/client/remembered-microphone";
import {
  SessionApiError,
  startSession,
  type StartedSession,
  type StartOptions,
} from "@/lib/client/session-api";

import { Landing } from "./landing/landing";

// The conversation (and with it the LiveKit client) loads only when someone starts one.
const loadOverlay = () => import("./conversation/conversation-overlay");
const ConversationOverlay = lazy(() =>
  loadOverlay().then((m) => ({ default: m.ConversationOverlay })),
);

export interface AppConfig {
  profiles: string[];
  avatarJoinTimeoutSeconds: number;
  /** How long a paused conversation may be resumed. */
  pauseMaxSeconds: number;
  /** The provider's own avatar, or null for our drawn Jeremy. */
  avatar: { name: string; portraitUrl: string | null } | null;
}

type Phase =
  | { name: "idle" }
  | { name: "checking-mic" }
  | { name: "mic-problem"; problem: Exclude<MicrophoneCheck, "granted"> }
  | { name: "starting" }
  | { name: "start-failed"; error: SessionApiError }
  | { name: "talking"; started: StartedSession; startedAt: number; room: Room };

/** The whole page: the landing, then the conversation overlay. */
export function TalkToJeremy({ config }: { config: AppConfig }) {
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [lastOptions, setLastOptions] = useState<StartOptions>({});

  const start = useCallback(async (options: StartOptions) => {
    setLastOptions(options);
    setPhase({ name: "checking-mic" });
    const microphone = await checkMicrophone();
    if (microphone !== "granted") return setPhase({ name: "mic-problem", problem: microphone });
    setPhase({ name: "starting" });
    void loadOverlay();
    try {
      const started = await startSession(options);
      const startedAt = Date.now();
      const room = await connectEarly(started.connection, readRememberedMicrophone());
      setPhase({ name: "talking", started, startedAt, room });
    } catch (error) {
      const failure =
        error instanceof SessionApiError
          ? error
          : new SessionApiError("UNKNOWN", "Something went wrong.");
      setPhase({ name: "start-failed", error: failure });
    }
  }, []);

  return (
    <>
      <Landing
        profiles={config.profiles}
        avatar={config.avatar}
        busy={phase.name === "checking-mic" || phase.name === "starting"}
        busyLabel={phase.name === "checking-mic" ? "Checking your microphone…" : "Starting…"}
        micProblem={phase.name === "mic-problem" ? phase.problem : undefined}
        startError={phase.name === "start-failed" ? phase.error : undefined}
        onStart={start}
        onPrefetch={() => void loadOverlay()}
        covered={phase.name === "talking"}
      />
      {phase.name === "talking" && (
        <Suspense fallback={null}>
          <ConversationOverlay
            started={phase.started}
            startedAt={phase.startedAt}
            room={phase.room}
            avatarJoinTimeoutSeconds={config.avatarJoinTimeoutSeconds}
            pauseMaxSeconds={config.pauseMaxSeconds}
            onClose={() => setPhase({ name: "idle" })}
            onTalkAgain={() => void start(lastOptions)}
          />
        </Suspense>
      )}
    </>
  );
}
