"use client";

import { type ReactNode, useEffect, useRef, useState } from "react";

import { BRAND } from "@/lib/brand";
import type { MicrophoneCheck } from "@/lib/client/microphone";
import { useRememberedFace } from "@/lib/client/remembered-face";
import { type KnowledgeChoice, useRememberedKnowledge } from "@/lib/client/remembered-knowledge";
import { type ToolChoice, useRememberedTools } from "@/lib/client/remembered-tools";
import { useRememberedTurns, type TurnMode } from "@/lib/client/remembered-turns";
import type { SessionApiError, StartOptions } from "@/lib/client/session-api";
import type { FaceView } from "@/lib/faces/types";

import { ConversationOptions, type OptionValues } from "./conversation-options";
import { MicrophoneNotice } from "./microphone-notice";
import { PausedNotice } from "./paused-notice";
import { StartError } from "./start-error";

interface LandingProps {
  profiles: string[];
  /** The faces a conversation may show, the default first; empty when they are unknown. */
  faces: FaceView[];
  /** The knowledge bases a visitor may choose for the conversation to search. */
  knowledgeBases: KnowledgeChoice[];
  tools: ToolChoice[];
  /** The provider's own avatar, or null for our drawn Jeremy. */
  avatar: { name: string; portraitUrl: string | null } | null;
  /** The avatar's picture, drawn on the server (components/landing/portrait.tsx). */
  portrait: ReactNode;
  busy: boolean;
  busyLabel: string;
  micProblem?: Exclude<MicrophoneCheck, "granted">;
  startError?: SessionApiError;
  /** True while the conversation overlay covers the page. */
  covered: boolean;
  /** Whether the avatar can take turns by hold to talk. */
  holdToTalk: boolean;
  onStart: (options: StartOptions, turns: TurnMode) => void;
  /** Resumes the conversation this browser paused in an earlier visit. */
  onResumePaused: (id: string, turns: TurnMode) => void;
  onPrefetch: () => void;
}

/** "Talk to Jeremy" (or to the provider's avatar): a portrait, Start, the optional settings. */
export function Landing(props: LandingProps) {
  const [fields, setFields] = useState({
    profile: props.profiles[0] ?? "",
    userName: "",
    context: "",
  });
  const [rememberedTurns, rememberTurns] = useRememberedTurns();
  const [face, rememberFace] = useRememberedFace(props.faces);
  const [knowledge, rememberKnowledge] = useRememberedKnowledge(props.knowledgeBases);
  const [tools, rememberTools] = useRememberedTools(props.tools);
  const options: OptionValues = {
    ...fields,
    turns: props.holdToTalk ? rememberedTurns : "auto",
    face: face ?? "",
    knowledge,
    tools,
  };
  const changeOptions = ({
    turns,
    face: nextFace,
    knowledge: nextKnowledge,
    tools: nextTools,
    ...next
  }: OptionValues) => {
    if (turns !== options.turns) rememberTurns(turns);
    if (nextFace && nextFace !== options.face) rememberFace(nextFace);
    if (nextKnowledge !== options.knowledge) rememberKnowledge(nextKnowledge);
    if (nextTools !== options.tools) rememberTools(nextTools);
    setFields(next);
  };
  const start = () =>
    props.onStart(
      {
        profile: options.profile || undefined,
        userName: options.userName.trim() || undefined,
        context: options.context.trim() || undefined,
        // Left out when the page knows of no faces: the server shows its default.
        face: options.face || undefined,
        knowledge: options.knowledge.length > 0 ? options.knowledge : undefined,
        tools: options.tools.length > 0 ? options.tools : undefined,
      },
      options.turns,
    );

  const name = props.avatar?.name ?? BRAND.avatarName;
  const startButton = useReturnFocusWhenUncovered(props.covered);

  return (
    <main
      inert={props.covered}
      className="short:gap-4 short:py-6 mx-auto flex min-h-dvh max-w-xl flex-col items-center justify-center gap-8 px-5 py-12 text-center"
    >
      {props.portrait}
      <div className="space-y-3">
        <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Talk to {name}</h1>
        <p className="text-balance text-zinc-400">
          Have a spoken conversation with {name}, an AI video avatar, who will greet you, ask you a
          few questions and listen to your answers.
        </p>
      </div>

      <button
        ref={startButton}
        type="button"
        data-testid="start-conversation"
        onClick={start}
        onPointerEnter={props.onPrefetch}
        onFocus={props.onPrefetch}
        disabled={props.busy}
        className="rounded-full bg-amber-400 px-8 py-3.5 text-lg font-semibold text-zinc-950 shadow-lg shadow-amber-500/20 transition hover:bg-amber-300 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none disabled:cursor-wait disabled:opacity-70 motion-reduce:transition-none"
      >
        {props.busy ? props.busyLabel : "Start conversation"}
      </button>

      {!props.covered && (
        <PausedNotice
          avatarName={name}
          onResume={(id) => props.onResumePaused(id, options.turns)}
        />
      )}
      {props.micProblem && <MicrophoneNotice problem={props.micProblem} onRetry={start} />}
      {props.startError && <StartError error={props.startError} />}

      <ConversationOptions
        profiles={props.profiles}
        faces={props.faces}
        knowledgeBases={props.knowledgeBases}
        tools={props.tools}
        holdToTalk={props.holdToTalk}
        values={options}
        onChange={changeOptions}
      />
      <p className="text-xs text-zinc-400">Only your microphone is used; your camera stays off.</p>
    </main>
  );
}

/**
 * When the conversation overlay closes, focus goes back to Start, where the person left it: the
 * overlay cannot hand it back itself, as Start was disabled and the page inert while it was open.
 */
function useReturnFocusWhenUncovered(covered: boolean) {
  const button = useRef<HTMLButtonElement>(null);
  const wasCovered = useRef(covered);
  useEffect(() => {
    if (wasCovered.current && !covered) button.current?.focus();
    wasCovered.current = covered;
  }, [covered]);
  return button;
}
