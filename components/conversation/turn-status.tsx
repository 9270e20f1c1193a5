"use client";

import { useLocalParticipant } from "@livekit/components-react";
import { ParticipantEvent, type Participant } from "livekit-client";

import { useParticipantAttribute, useParticipantState } from "./use-participant-state";

/** The state LiveKit Agents publishes on the agent's participant (listening, thinking, speaking). */
const AGENT_STATE_ATTRIBUTE = "lk.agent.state";

/**
 * Whose turn it is, in words: "You're talking", "Jeremy is thinking", "Jeremy is talking", from
 * LiveKit's speaker detection and the agent's own state. Shown, not announced: the captions
 * already tell a screen reader what is said.
 */
export function TurnStatus({ avatar, name }: { avatar: Participant | undefined; name: string }) {
  const { localParticipant } = useLocalParticipant();
  const youSpeak = useParticipantState(
    localParticipant,
    ParticipantEvent.IsSpeakingChanged,
    (you) => you?.isSpeaking ?? false,
  );
  const agent = useParticipantAttribute(avatar, AGENT_STATE_ATTRIBUTE);
  const state = youSpeak ? "you" : agent === "thinking" || agent === "speaking" ? agent : "idle";
  const words = {
    you: "You're talking",
    thinking: `${name} is thinking`,
    speaking: `${name} is talking`,
    idle: agent === "listening" ? `${name} is listening` : "",
  }[state];
  return (
    <p data-testid="turn-status" data-state={state} className="min-h-5 text-sm text-zinc-300">
      {words}
    </p>
  );
}
