"use client";

import { useEffect, useState } from "react";

import { forgetPausedSession, readPausedSession } from "@/lib/client/remembered-pause";
import { stopSessionUntilConfirmed } from "@/lib/client/session-api";

/**
 * A conversation this browser paused in an earlier visit, while the server still keeps it
 * resumable: Resume carries on where it was, End ends it. Nothing shows otherwise.
 */
export function PausedNotice(props: { avatarName: string; onResume: (id: string) => void }) {
  const [paused, setPaused] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);

  useEffect(() => {
    const id = readPausedSession();
    if (!id) return;
    let current = true;
    // Loaded only when there is something to look up: the landing page stays light.
    void import("@/lib/client/conversation-api")
      .then(({ fetchSession }) => fetchSession(id))
      .then((session) => {
        if (!current) return;
        if (session.status === "PAUSED") setPaused(id);
        else forgetPausedSession();
      })
      .catch(() => forgetPausedSession());
    return () => {
      current = false;
    };
  }, []);

  if (!paused) return null;
  const end = async () => {
    setEnding(true);
    await stopSessionUntilConfirmed(paused, "hangup").catch(() => undefined);
    forgetPausedSession();
    setPaused(null);
  };

  return (
    <section
      aria-labelledby="paused-notice-title"
      data-testid="paused-notice"
      className="w-full rounded-2xl border border-amber-400/40 bg-amber-400/10 p-4 text-left"
    >
      <h2 id="paused-notice-title" className="font-semibold text-amber-100">
        Your conversation with {props.avatarName} is paused
      </h2>
      <p className="mt-1 text-sm text-zinc-300">Resume to carry on where you were, or end it.</p>
      <div className="mt-3 flex gap-3">
        <button
          type="button"
          data-testid="resume-paused"
          onClick={() => props.onResume(paused)}
          className="rounded-full bg-amber-400 px-5 py-2 font-semibold text-zinc-950 hover:bg-amber-300 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none"
        >
          Resume
        </button>
        <button
          type="button"
          onClick={() => void end()}
          disabled={ending}
          className="rounded-full border border-zinc-600 px-5 py-2 font-semibold text-zinc-100 hover:bg-zinc-800 focus-visible:ring-4 focus-visible:ring-amber-200 focus-visible:outline-none disabled:opacity-70"
        >
          {ending ? "Ending…" : "End it"}
        </button>
      </div>
    </section>
  );
}
