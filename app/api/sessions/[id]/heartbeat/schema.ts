import { z } from "zod";

/** Body of POST /api/sessions/{id}/heartbeat: nothing to say but "still here" (may be empty). */
export const heartbeatBody = z.strictObject({});

export const HEARTBEAT_BODY_MAX_BYTES = 256;
