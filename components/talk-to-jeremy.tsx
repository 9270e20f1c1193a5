"use client";

import { lazy, type ReactNode, Suspense, useCallback, useState } from "react";

import type { Room } from "livekit-client";

import { BRAND } from "@/lib/brand";
import { connectEarly } from "@/lib/client/early-room";
import { checkMicrophone, type MicrophoneCheck } from "@/lib/client/microphone";
import { readRememberedMicrophone } from "@/lib/client/remembered-microphone";
import type { TurnMode } from "@/lib/client/remembered-turns";
import {
  beginWhenAvatarReady,
  SessionApiError,
  startSession,
  type StartedSession,
  type StartOptions,
} from "@/lib/client/session-api";
import type { KnowledgeChoice } from "@/lib/client/remembered-knowledge";
import type { ToolChoice } from "@/lib/client/remembered-tools";
import type { FaceView } from "@/lib/faces/types";

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
  /** Whether the avatar can take turns by hold to talk (the local avatar can). */
  holdToTalk: boolean;
  /** The provider's own avatar, or null for our drawn Jeremy. */
  avatar: { name: string; portraitUrl: string | null } | null;
  /** The faces a conversation may show, the default first; empty when they are unknown. */
  faces: FaceView[];
  /** The knowledge bases offered to visitors; none means no choice on the page. */
  knowledgeBases: KnowledgeChoice[];
  /** The operator tools offered to visitors; none means no choice on the page. */
  tools: ToolChoice[];
}

type Phase =
  | { name: "idle" }
  | { name: "checking-mic" }
  | { name: "mic-problem"; problem: Exclude<MicrophoneCheck, "granted"> }
  /** `warming`: the avatar is getting ready, and the page asks again shortly. */
  | { name: "starting"; warming?: boolean }
  | { name: "start-failed"; error: SessionApiError }
  | {
      name: "talking";
      started: StartedSession;
      startedAt: number;
      room: Room;
      turns: TurnMode;
    };

/** The whole page: the landing, then the conversation overlay. */
export function TalkToJeremy({ config, portrait }: { config: AppConfig; portrait: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [last, setLast] = useState<{ options: StartOptions; turns: TurnMode }>({
    options: {},
    turns: "auto",
  });

  /** Checks the microphone, then begins (starts or resumes) a conversation and joins it. */
  const launch = useCallback(async (begin: () => Promise<StartedSession>, turns: TurnMode) => {
    setPhase({ name: "checking-mic" });
    const microphone = await checkMicrophone();
    if (microphone !== "granted") return setPhase({ name: "mic-problem", problem: microphone });
    setPhase({ name: "starting" });
    void loadOverlay();
    try {
      const started = await beginWhenAvatarReady(begin, () =>
        setPhase({ name: "starting", warming: true }),
      );
      const startedAt = Date.now();
      const room = await connectEarly(started.connection, readRememberedMicrophone(), turns);
      setPhase({ name: "talking", started, startedAt, room, turns });
    } catch (error) {
      const failure =
        error instanceof SessionApiError
          ? error
          : new SessionApiError("UNKNOWN", "Something went wrong.");
      setPhase({ name: "start-failed", error: failure });
    }
  }, []);
  const start = useCallback(
    (options: StartOptions, turns: TurnMode) => {
      setLast({ options, turns });
      return launch(() => startSession(options), turns);
    },
    [launch],
  );
  // A conversation paused in an earlier visit, resumed from the landing page.
  const resumePaused = useCallback(
    (id: string, turns: TurnMode) =>
      launch(async () => (await import("@/lib/client/conversation-api")).resumeSession(id), turns),
    [launch],
  );

  return (
    <>
      <Landing
        profiles={config.profiles}
        faces={config.faces}
        knowledgeBases={config.knowledgeBases}
        tools={config.tools}
        avatar={config.avatar}
        portrait={portrait}
        busy={phase.name === "checking-mic" || phase.name === "starting"}
        busyLabel={
          phase.name === "checking-mic"
            ? "Checking your microphone…"
            : phase.name === "starting" && phase.warming
              ? `${BRAND.avatarName} is getting ready…`
              : "Starting…"
        }
        micProblem={phase.name === "mic-problem" ? phase.problem : undefined}
        startError={phase.name === "start-failed" ? phase.error : undefined}
        holdToTalk={config.holdToTalk}
        onStart={start}
        onResumePaused={resumePaused}
        onPrefetch={() => void loadOverlay()}
        covered={phase.name === "talking"}
      />
      {phase.name === "talking" && (
        <Suspense fallback={null}>
          <ConversationOverlay
            started={phase.started}
            startedAt={phase.startedAt}
            room={phase.room}
            turns={phase.turns}
            faces={config.faces}
            avatarJoinTimeoutSeconds={config.avatarJoinTimeoutSeconds}
            pauseMaxSeconds={config.pauseMaxSeconds}
            onClose={() => setPhase({ name: "idle" })}
            onTalkAgain={() => void start(last.options, last.turns)}
          />
        </Suspense>
      )}
    </>
  );
}
