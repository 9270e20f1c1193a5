import { z } from "zod";

/** Query of GET /api/admin/sessions. */
export const listSessionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  status: z.enum(["STARTING", "ACTIVE", "ENDED", "FAILED", "STOP_FAILED"]).optional(),
});
