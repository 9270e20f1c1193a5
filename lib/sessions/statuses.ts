import type { SessionStatus } from "@/lib/generated/prisma/client";

/** Sessions that may still be running at the provider, and so still billing. */
export const OPEN_STATUSES: SessionStatus[] = ["STARTING", "ACTIVE", "STOP_FAILED"];

/** Sessions starting or running: what a conversation in progress holds (limits, capacity). */
export const LIVE_STATUSES: SessionStatus[] = ["STARTING", "ACTIVE"];

/** True while the session may still be running at the provider. */
export function isOpen(status: SessionStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
