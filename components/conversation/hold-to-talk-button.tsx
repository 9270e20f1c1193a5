"use client";

import { useLocalParticipant } from "@livekit/components-react";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";

import { HOLD_TO_TALK_RPC } from "@/lib/contract";

/** Elements where the space bar already means something (typing, pressing another button). */
const SPACE_TAKERS = "input, textarea, select, button, summary, [contenteditable]";

/**
 * Hold to talk: the microphone is live only while the button (or the space bar, anywhere in
 * the conversation but a text field or another button) is held; releasing it sends the turn.
 */
export function HoldToTalkButton({ avatarIdentity }: { avatarIdentity: string }) {
  const { localParticipant } = useLocalParticipant();
  const [held, setHeld] = useState(false);
  const holding = useRef(false);
  const button = useRef<HTMLButtonElement>(null);

  const tellAvatar = useCallback(
    (method: string) =>
      localParticipant
        .performRpc({ destinationIdentity: avatarIdentity, method, payload: "" })
        .catch(() => undefined),
    [localParticipant, avatarIdentity],
  );
  const press = useCallback(async () => {
    if (holding.current) return;
    holding.current = true;
    setHeld(true);
    await Promise.all([
      tellAvatar(HOLD_TO_TALK_RPC.start),
      localParticipant.setMicrophoneEnabled(true),
    ]);
  }, [localParticipant, tellAvatar]);
  const release = useCallback(async () => {
    if (!holding.current) return;
    holding.current = false;
    setHeld(false);
    await localParticipant.setMicrophoneEnabled(false);
    await tellAvatar(HOLD_TO_TALK_RPC.end);
  }, [localParticipant, tellAvatar]);

  // The space bar, wherever it is not already taken, and letting go when the window loses focus.
  useEffect(() => {
    const spaceDown = (event: globalThis.KeyboardEvent) => {
      if (event.code !== "Space" || event.repeat) return;
      const target = event.target as Element | null;
      if (target !== button.current && target?.closest(SPACE_TAKERS)) return;
      event.preventDefault();
      void press();
    };
    const spaceUp = (event: globalThis.KeyboardEvent) => {
      if (event.code !== "Space" || !holding.current) return;
      event.preventDefault();
      void release();
    };
    const letGo = () => void release();
    window.addEventListener("keydown", spaceDown);
    window.addEventListener("keyup", spaceUp);
    window.addEventListener("blur", letGo);
    return () => {
      window.removeEventListener("keydown", spaceDown);
      window.removeEventListener("keyup", spaceUp);
      window.removeEventListener("blur", letGo);
    };
  }, [press, release]);
  // Let go when the conversation goes away mid-hold.
  useEffect(() => () => void release(), [release]);

  // Enter presses too, as a button's Enter would; the space bar is handled above.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "Enter" && !event.repeat) void press();
  };
  const onKeyUp = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "Enter") void release();
  };

  return (
    <button
      ref={button}
      type="button"
      data-testid="hold-to-talk"
      data-held={held}
      aria-pressed={held}
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        void press();
      }}
      onPointerUp={() => void release()}
      onPointerCancel={() => void release()}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      onContextMenu={(event) => event.preventDefault()}
      className="w-full touch-none rounded-full border-2 border-amber-400 px-6 py-3 font-semibold text-amber-100 select-none hover:bg-amber-400/10 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none data-[held=true]:bg-amber-400 data-[held=true]:text-zinc-950"
    >
      Hold to talk
    </button>
  );
}
