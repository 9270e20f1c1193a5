import { z } from "zod";

/** Body of POST /api/worker/capacity. */
export const capacityReportBody = z.strictObject({
  workerId: z.string().regex(/^[\w.:-]{1,128}$/),
  agentName: z.string().regex(/^[\w-]{1,64}$/),
  maxSessions: z.number().int().min(0).max(1000),
  activeJobs: z.number().int().min(0).max(1000),
  readyProcesses: z.number().int().min(0).max(1000),
  faceAgentName: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .optional(),
  hostedFaces: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/))
    .max(16)
    .optional(),
});

export const CAPACITY_BODY_MAX_BYTES = 4 * 1024;
