"use client";

import { useEffect } from "react";

import { formatClock, useCountdown } from "./use-countdown";

const WARNING_SECONDS = 30;

/** Time left before the session's maximum duration; warns at 30 s and calls `onExpired` at 0. */
export function CountdownBadge({ endsAt, onExpired }: { endsAt: number; onExpired: () => void }) {
  const seconds = useCountdown(endsAt);
  const warning = seconds <= WARNING_SECONDS;
  useEffect(() => {
    if (seconds === 0) onExpired();
  }, [seconds, onExpired]);

  return (
    <p
      data-testid="countdown"
      data-warning={warning}
      className={`rounded-full px-3 py-1 font-mono text-sm tabular-nums ${warning ? "bg-red-500/20 text-red-200" : "bg-zinc-800 text-zinc-300"}`}
    >
      <span className="sr-only">Time left: </span>
      {formatClock(seconds)}
      {warning && (
        <span role="alert" className="sr-only">
          {seconds > 0 ? `${seconds} seconds left in this conversation.` : "Time is up."}
        </span>
      )}
    </p>
  );
}
