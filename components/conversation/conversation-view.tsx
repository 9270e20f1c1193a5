"use client";

import { RoomAudioRenderer, useAudioPlayback } from "@livekit/components-react";
import { useState } from "react";

import type { StopReason } from "@/lib/client/session-api";
import { AVATAR_LISTENING_ATTRIBUTE } from "@/lib/contract";

import { CaptionFeed } from "./caption-feed";
import { CountdownBadge } from "./countdown-badge";
import { JeremyStage } from "./jeremy-stage";
import { MicrophoneControls } from "./microphone-controls";
import { HoldToTalkButton } from "./hold-to-talk-button";
import { OfflineNote } from "./offline-note";
import { TurnStatus } from "./turn-status";
import { TypedTurnForm } from "./typed-turn-form";
import { useCaptions } from "./use-captions";
import { useConversationStatus } from "./use-conversation-status";
import { useParticipantAttribute } from "./use-participant-state";
import { useReducedMotionForJeremy } from "./use-reduced-motion-for-jeremy";

interface ConversationViewProps {
  avatar: { identity: string; name: string };
  joinTimeoutMs: number;
  endsAt: number;
  stop: (reason: StopReason) => void;
  onHangUp: () => void;
  /** Asked for a pause, waiting for the server to make it. */
  pausing: boolean;
  /** Why the last pause could not be made. */
  pauseError?: string;
  onPause: () => void;
  /** The person takes turns by holding a button (or the space bar). */
  holdToTalk: boolean;
  onDevicePicked: (deviceId: string) => void;
}

/** The live conversation, inside the LiveKit room: Jeremy, captions and the controls. */
export function ConversationView(props: ConversationViewProps) {
  const { status, video, avatar, face, voiceSubscribed } = useConversationStatus(
    props.avatar.identity,
    props.joinTimeoutMs,
    props.stop,
  );
  // "false": the offline demo, which hears that you spoke but not what you said.
  const offline = useParticipantAttribute(avatar, AVATAR_LISTENING_ATTRIBUTE) === "false";
  const { lines, saying, addOwn } = useCaptions(props.avatar.identity, { showHeard: !offline });
  const { canPlayAudio, startAudio } = useAudioPlayback();
  const [captionsHidden, setCaptionsHidden] = useState(false);
  useReducedMotionForJeremy();

  return (
    // One column; or, in a short landscape window, a grid: Jeremy on the left across both rows,
    // the title above the captions and controls on the right. The reading order stays title,
    // Jeremy, captions, controls either way.
    <div
      data-testid="conversation-status"
      data-state={status}
      className="short:gap-2 side:grid side:flex-1 side:grid-cols-[auto_minmax(0,1fr)] side:grid-rows-[auto_minmax(0,1fr)] side:items-stretch side:gap-x-6 side:gap-y-3 short:side:gap-x-3 short:side:gap-y-2 flex min-h-0 w-full flex-col items-center gap-3"
    >
      <div className="side:col-start-2 side:row-start-1 flex w-full items-center justify-between gap-2">
        <h2 id="conversation-title" className="text-lg font-semibold">
          Talking with {props.avatar.name}
        </h2>
        <CountdownBadge endsAt={props.endsAt} onExpired={() => props.stop("max_duration")} />
      </div>
      {/* Jeremy takes what room the rest leaves: as wide as the card in one column (less when the
          window is short), as tall as the card beside the captions. A size container, so the
          square stage inside can be the smaller of its width and height. */}
      <div className="side:col-start-1 side:row-span-2 side:row-start-1 side:h-full side:w-[min(100cqh,calc(100cqw-17.5rem))] [container-type:size] flex h-[100cqw] min-h-0 w-full items-center justify-center">
        <JeremyStage
          status={status}
          video={video}
          speaker={face ?? avatar}
          avatarName={props.avatar.name}
          voiceSubscribed={voiceSubscribed}
        />
      </div>
      {/* Beside the video, a column of its own; in one column its parts join the column above
          (display: contents). */}
      <div className="side:col-start-2 side:row-start-2 side:flex side:min-h-0 side:min-w-0 side:flex-col side:gap-3 short:side:gap-2 contents">
        <RoomAudioRenderer />
        {!canPlayAudio && (
          <button
            type="button"
            data-testid="enable-audio"
            onClick={() => void startAudio()}
            className="w-full shrink-0 rounded-full bg-amber-400 px-4 py-2.5 font-semibold text-zinc-950 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none"
          >
            Tap to enable audio
          </button>
        )}

        <TurnStatus avatar={avatar} name={props.avatar.name} />
        {offline && <OfflineNote name={props.avatar.name} />}
        <CaptionFeed lines={lines} saying={saying} hidden={captionsHidden} />
        <TypedTurnForm avatarName={props.avatar.name} onSent={addOwn} />

        <div className="grid w-full gap-2">
          {/* Beside the video, hold to talk shares a row with the microphone: a phone held
            sideways has no height to spare. */}
          <div
            className={`grid gap-2 ${props.holdToTalk ? "side:grid-cols-2 side:items-center" : ""}`}
          >
            {props.holdToTalk && <HoldToTalkButton avatarIdentity={props.avatar.identity} />}
            <MicrophoneControls
              onDevicePicked={props.onDevicePicked}
              muteButton={!props.holdToTalk}
            />
          </div>
          {/* Each label on one line; on a phone too narrow for one row, Pause and Hang up move
              together to a row of their own rather than run out of the card. */}
          <div className="flex flex-wrap items-center justify-end gap-2">
            <button
              type="button"
              onClick={() => setCaptionsHidden((hidden) => !hidden)}
              className="mr-auto rounded-full border border-zinc-700 px-3 py-2 text-sm font-medium whitespace-nowrap text-zinc-100 hover:bg-zinc-800 focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none"
            >
              {captionsHidden ? "Show captions" : "Hide captions"}
            </button>
            <div className="flex items-center gap-2">
              <button
                type="button"
                data-testid="pause"
                onClick={props.onPause}
                disabled={props.pausing}
                className="rounded-full border border-zinc-600 px-3 py-2.5 font-semibold whitespace-nowrap text-zinc-100 hover:bg-zinc-800 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none disabled:opacity-70 sm:px-4"
              >
                {props.pausing ? "Pausing…" : "Pause"}
              </button>
              <button
                type="button"
                data-testid="hang-up"
                onClick={props.onHangUp}
                className="rounded-full bg-red-600 px-4 py-2.5 font-semibold whitespace-nowrap text-white hover:bg-red-700 focus-visible:ring-4 focus-visible:ring-red-200 focus-visible:outline-none sm:px-6"
              >
                Hang up
              </button>
            </div>
          </div>
          {props.pauseError && (
            <p role="alert" className="text-sm text-red-200">
              Could not pause: {props.pauseError}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
