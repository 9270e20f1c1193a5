"use client";

import { useCallback, useRef, useState } from "react";

import { pauseSession, resumeSession } from "@/lib/client/conversation-api";
import { forgetPausedSession, rememberPausedSession } from "@/lib/client/remembered-pause";
import {
  beginWhenAvatarReady,
  SessionApiError,
  type StartedSession,
} from "@/lib/client/session-api";

export type PauseState =
  | { phase: "live"; error?: string }
  | { phase: "pausing" }
  | { phase: "paused"; error?: string }
  /** `warming`: the avatar is getting ready, and the page asks again shortly. */
  | { phase: "resuming"; warming?: boolean };

/**
 * Pausing and resuming the conversation. `isPausing()` is true from the moment a pause is asked
 * for until the conversation is live again: while it is, Jeremy leaving the room is the pause
 * itself, not a reason to end the session.
 */
export function usePause(
  sessionId: string,
  /** Joins the resumed conversation's room. */
  onResumed: (started: StartedSession) => Promise<void>,
) {
  const [state, setState] = useState<PauseState>({ phase: "live" });
  const pausing = useRef(false);

  /** Resolves true once the server has paused the conversation. */
  const pause = useCallback(async () => {
    if (pausing.current) return false;
    pausing.current = true;
    setState({ phase: "pausing" });
    try {
      await pauseSession(sessionId);
      // Remembered, so that the page can offer to resume it after the tab is closed.
      rememberPausedSession(sessionId);
      setState({ phase: "paused" });
      return true;
    } catch (error) {
      pausing.current = false;
      setState({ phase: "live", error: messageOf(error) });
      return false;
    }
  }, [sessionId]);

  const resume = useCallback(async () => {
    setState({ phase: "resuming" });
    try {
      const resumed = await beginWhenAvatarReady(
        () => resumeSession(sessionId),
        () => setState({ phase: "resuming", warming: true }),
      );
      await onResumed(resumed);
      forgetPausedSession();
      pausing.current = false;
      setState({ phase: "live" });
    } catch (error) {
      setState({ phase: "paused", error: messageOf(error) });
    }
  }, [sessionId, onResumed]);

  const isPausing = useCallback(() => pausing.current, []);
  return { state, pause, resume, isPausing };
}

function messageOf(error: unknown): string {
  return error instanceof SessionApiError ? error.message : "Something went wrong.";
}
