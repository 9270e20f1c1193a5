import { z } from "zod";

/** Body of POST /api/worker/sessions/{id}/tools/{name}: the model's arguments, as an object. */
export const toolCallBody = z.strictObject({
  arguments: z.record(z.string(), z.unknown()),
});
