"use client";

import { useRoomContext } from "@livekit/components-react";
import { useId, useState, type FormEvent } from "react";

import { MAX_TYPED_TURN_CHARACTERS, TOPICS } from "@/lib/contract";

/** The text-stream topic Jeremy reads typed turns from (LiveKit's chat topic). */

/** Type a turn instead of speaking it. */
export function TypedTurnForm({
  avatarName,
  onSent,
}: {
  avatarName: string;
  onSent: (text: string) => void;
}) {
  const room = useRoomContext();
  const id = useId();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message || sending) return;
    setSending(true);
    try {
      await room.localParticipant.sendText(message, { topic: TOPICS.chat });
      onSent(message);
      setText("");
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={send} className="flex w-full gap-2">
      <label htmlFor={id} className="sr-only">
        Type a message to {avatarName}
      </label>
      <input
        id={id}
        data-testid="typed-turn"
        value={text}
        maxLength={MAX_TYPED_TURN_CHARACTERS}
        onChange={(event) => setText(event.target.value)}
        placeholder="Or type your answer…"
        autoComplete="off"
        className="min-w-0 flex-1 rounded-full border border-zinc-700 bg-zinc-950 px-4 py-2 text-sm text-zinc-100 placeholder:text-zinc-400 focus-visible:border-amber-300 focus-visible:outline-none"
      />
      <button
        type="submit"
        disabled={sending || text.trim() === ""}
        className="rounded-full bg-zinc-100 px-4 py-2 text-sm font-semibold text-zinc-900 hover:bg-white focus-visible:ring-2 focus-visible:ring-amber-300 focus-visible:outline-none disabled:opacity-40"
      >
        Send
      </button>
    </form>
  );
}
