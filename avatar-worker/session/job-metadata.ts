import { z } from "zod";

import {
  KNOWLEDGE_TOPIC_MAX_CHARACTERS,
  MAX_KNOWLEDGE_TOPICS,
  MAX_SESSION_TOOLS,
  TOOL_DESCRIPTION_MAX_CHARACTERS,
  TOOL_NAME_PATTERN,
  TOOL_PARAMETERS_MAX_BYTES,
} from "@/lib/contract";
import { type JeremyJobMetadata, LOCAL_FACES } from "@/lib/providers/local/worker-contract";

const metadataSchema = z.object({
  sessionId: z.string().min(1),
  profile: z.string().default("interviewer"),
  // A face id (lib/faces/); one this worker cannot show is shown as the default (jeremy-session).
  face: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/)
    .catch(LOCAL_FACES[0]),
  context: z.string().nullable().default(null),
  userName: z.string().nullable().default(null),
  maxDurationSeconds: z.number().int().positive().default(600),
  resumed: z
    .object({
      history: z.array(
        z.object({
          seq: z.number().int().nonnegative(),
          role: z.enum(["user", "assistant"]),
          text: z.string(),
        }),
      ),
      nextSeq: z.number().int().nonnegative(),
    })
    .optional(),
  // The session's knowledge bases: their headings, each one short line (lib/knowledge/topics.ts).
  // Malformed, it is left out, not the whole conversation's metadata.
  knowledge: z
    .object({
      topics: z
        .array(z.string().min(1).max(KNOWLEDGE_TOPIC_MAX_CHARACTERS))
        .max(MAX_KNOWLEDGE_TOPICS),
    })
    .optional()
    .catch(undefined),
  // The session's operator tools, as the model is told of them. Malformed, they are left out.
  tools: z
    .array(
      z.object({
        name: z.string().regex(TOOL_NAME_PATTERN),
        description: z.string().min(1).max(TOOL_DESCRIPTION_MAX_CHARACTERS),
        parameters: z
          .record(z.string(), z.unknown())
          .refine(
            (schema) =>
              schema.type === "object" &&
              Buffer.byteLength(JSON.stringify(schema)) <= TOOL_PARAMETERS_MAX_BYTES,
          ),
      }),
    )
    .max(MAX_SESSION_TOOLS)
    .optional()
    .catch(undefined),
}) satisfies z.ZodType<JeremyJobMetadata, unknown>;

/**
 * A conversation in a room the app did not make: the default profile, nothing from the
 * dispatcher's metadata (it could ask for any length or context), named by the room.
 */
export function unledgeredMetadata(roomName: string): JeremyJobMetadata {
  return parseJobMetadata("", roomName);
}

/** Reads the metadata the app dispatched the job with; a job dispatched by hand gets defaults. */
export function parseJobMetadata(raw: string, roomName: string): JeremyJobMetadata {
  let value: unknown = {};
  try {
    value = raw ? JSON.parse(raw) : {};
  } catch {
    // A hand-made dispatch may carry any text; the defaults still make a conversation.
  }
  const parsed = metadataSchema.safeParse({ sessionId: roomName, ...(value as object) });
  return parsed.success
    ? parsed.data
    : {
        sessionId: roomName,
        profile: "interviewer",
        face: LOCAL_FACES[0],
        context: null,
        userName: null,
        maxDurationSeconds: 600,
      };
}
