import { z } from "zod";

import { TOOL_DESCRIPTION_MAX_CHARACTERS, TOOL_NAME_PATTERN } from "@/lib/contract";
import { oneLine } from "@/lib/http/one-line";
import { schemaProblem } from "@/lib/tools/json-schema";
import { templateProblem } from "@/lib/tools/url-template";

// Headers a tool may not set: the request's own framing and routing are the app's.
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "connection",
  "transfer-encoding",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "accept",
  "user-agent",
]);

const fields = {
  name: z
    .string()
    .regex(
      TOOL_NAME_PATTERN,
      "must be lower-case letters, digits and _ (like look_up_order), at most 48",
    )
    .refine((name) => name !== "search_knowledge", "is the knowledge search's own name"),
  description: z
    .string()
    .trim()
    .min(1)
    .max(TOOL_DESCRIPTION_MAX_CHARACTERS)
    .regex(
      /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/,
      "must not contain control characters",
    ),
  parameters: z.record(z.string(), z.unknown()).superRefine((schema, ctx) => {
    const problem = schemaProblem(schema);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  url: oneLine(2000).superRefine((url, ctx) => {
    const problem = templateProblem(url);
    if (problem)
      ctx.addIssue({ code: "custom", message: `${problem} (a {name} in it takes that argument)` });
  }),
  method: z.enum(["GET", "POST"]),
  secretHeader: z
    .strictObject({
      name: z
        .string()
        .regex(/^[A-Za-z0-9-]{1,64}$/, "must be a header name like X-Api-Key")
        .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), "is set by the app itself"),
      value: z
        .string()
        .min(1)
        .max(4096)
        .regex(/^[\t\u0020-\u007e\u0080-\u00ff]*$/, "must be one line of text"),
    })
    .nullable(),
  timeoutMs: z.number().int().min(500).max(10_000),
  isPublic: z.boolean(),
};

/** Body of POST /api/admin/tools. */
export const createToolBody = z.strictObject({
  ...fields,
  parameters: fields.parameters.default({ type: "object", properties: {} }),
  method: fields.method.default("POST"),
  secretHeader: fields.secretHeader.default(null),
  timeoutMs: fields.timeoutMs.default(5000),
  isPublic: fields.isPublic.default(false),
});

/** Body of PATCH /api/admin/tools/{id}: any of the fields; `secretHeader: null` removes it. */
export const updateToolBody = z
  .strictObject({
    name: fields.name.optional(),
    description: fields.description.optional(),
    parameters: fields.parameters.optional(),
    url: fields.url.optional(),
    method: fields.method.optional(),
    secretHeader: fields.secretHeader.optional(),
    timeoutMs: fields.timeoutMs.optional(),
    isPublic: fields.isPublic.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message:
      "name, description, parameters, url, method, secretHeader, timeoutMs or isPublic is required",
  });

/** The largest tool declaration accepted (its schema is at most 4 KiB). */
export const TOOL_BODY_MAX_BYTES = 16 * 1024;
