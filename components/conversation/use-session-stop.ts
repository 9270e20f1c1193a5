"use client";

import { useCallback, useRef, useState } from "react";

import {
  stopSessionUntilConfirmed,
  type SessionView,
  type StopReason,
} from "@/lib/client/session-api";

export type StopState =
  | { phase: "active" }
  | {
      phase: "stopping";
      reason: StopReason;
      offline: boolean;
      attempts: number;
      /** The server has the stop in hand but has not finished it (it keeps retrying). */
      serverPending: boolean;
    }
  | { phase: "stopped"; reason: StopReason; session: SessionView }
  | { phase: "failed"; reason: StopReason; message: string };

/**
 * Ends the session exactly once from this page, however many times it is asked (a double click,
 * a timeout firing during a hang-up), and keeps retrying until the server confirms.
 */
export function useSessionStop(sessionId: string) {
  const [state, setState] = useState<StopState>({ phase: "active" });
  const inFlight = useRef<Promise<void> | null>(null);

  const stop = useCallback(
    (reason: StopReason) => {
      inFlight.current ??= (async () => {
        setState({
          phase: "stopping",
          reason,
          offline: !navigator.onLine,
          attempts: 1,
          serverPending: false,
        });
        try {
          const session = await stopSessionUntilConfirmed(sessionId, reason, (retry) =>
            setState({
              phase: "stopping",
              reason,
              offline: retry.offline,
              attempts: retry.attempt + 1,
              serverPending: retry.serverPending,
            }),
          );
          setState({ phase: "stopped", reason, session });
        } catch (error) {
          setState({
            phase: "failed",
            reason,
            message: error instanceof Error ? error.message : String(error),
          });
        }
      })();
      return inFlight.current;
    },
    [sessionId],
  );

  return { state, stop };
}
