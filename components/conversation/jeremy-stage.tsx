"use client";

import { VideoTrack, type TrackReference } from "@livekit/components-react";
import { type Participant, ParticipantEvent } from "livekit-client";
import Image from "next/image";

import type { LiveStatus } from "./use-conversation-status";
import { useParticipantState } from "./use-participant-state";

const statusText = (name: string): Record<Exclude<LiveStatus, "talking">, string> => ({
  connecting: "Connecting…",
  joining: `${name} is joining…`,
  reconnecting: "Connection lost. Reconnecting…",
});

interface StageProps {
  status: LiveStatus;
  video?: TrackReference;
  /** Who voices Jeremy (his face): the stage glows while they are heard. */
  speaker?: Participant;
  avatarName: string;
  voiceSubscribed: boolean;
}

/**
 * Jeremy's video, or his portrait with what is happening while he is not (yet) on screen: a square
 * as large as its container (a CSS size container) allows.
 */
export function JeremyStage({ status, video, speaker, avatarName, voiceSubscribed }: StageProps) {
  const speaking = useSpeaking(speaker);
  return (
    <div
      data-testid="jeremy-stage"
      data-jeremy-speaking={speaking}
      data-voice-subscribed={voiceSubscribed}
      className={`relative aspect-square w-[min(100cqw,100cqh)] shrink-0 overflow-hidden rounded-3xl bg-zinc-900 ring-4 transition-[box-shadow] duration-300 motion-reduce:transition-none ${speaking ? "ring-amber-300/70" : "ring-zinc-800"}`}
    >
      {video ? (
        <VideoTrack
          trackRef={video}
          data-testid="jeremy-video"
          // Contain, not cover: a provider's video that is not square shows whole, not cut.
          className="size-full object-contain"
        />
      ) : (
        <Image
          src="/jeremy.png"
          alt=""
          width={512}
          height={512}
          className="size-full object-cover opacity-40"
        />
      )}
      {status !== "talking" && (
        <p
          role="status"
          className="absolute inset-x-4 bottom-4 rounded-full bg-black/70 px-4 py-2 text-center text-sm font-medium text-zinc-100 backdrop-blur"
        >
          <span
            className="mr-2 inline-block size-2 rounded-full bg-amber-300 motion-safe:animate-pulse"
            aria-hidden
          />
          {statusText(avatarName)[status]}
        </p>
      )}
      <span className="sr-only">{status === "talking" ? `${avatarName} is here.` : ""}</span>
    </div>
  );
}

/** Whether LiveKit hears `participant` speaking; false while there is no participant. */
function useSpeaking(participant: Participant | undefined): boolean {
  return useParticipantState(
    participant,
    ParticipantEvent.IsSpeakingChanged,
    (p) => p?.isSpeaking ?? false,
  );
}
