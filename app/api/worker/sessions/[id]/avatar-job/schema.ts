import { z } from "zod";

import type { AvatarJobClaim } from "@/lib/contract";

/** A claim is two short ids: anything bigger is not one. */
export const AVATAR_JOB_BODY_MAX_BYTES = 1024;

/** Body of POST /api/worker/sessions/{id}/avatar-job. */
export const avatarJobBody = z.strictObject({
  room: z.string().min(1).max(200),
  jobId: z.string().min(1).max(200),
}) satisfies z.ZodType<AvatarJobClaim>;
