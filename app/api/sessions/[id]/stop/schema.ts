import { z } from "zod";

import { CLIENT_STOP_REASONS } from "@/lib/contract";

/** Body of POST /api/sessions/{id}/stop (may also be empty, for a beacon). */
export const stopSessionBody = z.strictObject({
  reason: z.enum(CLIENT_STOP_REASONS).optional(),
});

export const STOP_BODY_MAX_BYTES = 1024;
