import { z } from "zod";

import { MAX_TYPED_TURN_CHARACTERS } from "@/lib/contract";

/** Body of POST /api/worker/sessions/{id}/transcript. */
export const transcriptReportBody = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        seq: z.number().int().min(0).max(100_000),
        role: z.enum(["assistant", "user"]),
        text: z.string().min(1).max(4000),
        at: z.iso.datetime(),
      }),
    )
    .max(MAX_TYPED_TURN_CHARACTERS),
});

export const TRANSCRIPT_BODY_MAX_BYTES = 2 * 1024 * 1024;
