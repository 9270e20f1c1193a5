import { z } from "zod";

/** Reasons a browser may give for ending its own session; the server records the others. */
export const CLIENT_STOP_REASONS = [
  "hangup",
  "page_closed",
  "avatar_timeout",
  "avatar_left",
  "max_duration",
] as const;

/** Body of POST /api/sessions/{id}/stop (may also be empty, for a beacon). */
export const stopSessionBody = z.strictObject({
  reason: z.enum(CLIENT_STOP_REASONS).optional(),
});

export const STOP_BODY_MAX_BYTES = 1024;
