"use client";

import { useEffect } from "react";

import { beaconStop, sendHeartbeat } from "@/lib/client/session-api";

const HEARTBEAT_MS = 15_000;

/**
 * While the conversation is live: report to the server every 15 s (so an abandoned session is
 * reaped), and if the tab is closed or reloaded, send the stop as a beacon (page_closed).
 */
export function usePageLifecycle(sessionId: string, live: boolean) {
  useEffect(() => {
    if (!live) return;
    const timer = setInterval(() => void sendHeartbeat(sessionId), HEARTBEAT_MS);
    const onPageHide = () => beaconStop(sessionId, "page_closed");
    window.addEventListener("pagehide", onPageHide);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", onPageHide);
    };
  }, [sessionId, live]);
}
