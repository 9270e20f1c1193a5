import { z } from "zod";

import { SessionStatus } from "@/lib/generated/prisma/enums";

/** Query of GET /api/admin/sessions: any status the ledger has (PAUSED included). */
export const listSessionsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  status: z.enum(SessionStatus).optional(),
});
