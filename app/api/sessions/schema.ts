import { z } from "zod";

import { MAX_SESSION_TOOLS } from "@/lib/contract";

import {
  CONTEXT_MAX_CHARACTERS,
  CONTEXT_MAX_WORDS,
  USER_NAME_MAX_CHARACTERS,
  countWords,
} from "@/lib/sessions/input-limits";

// Control characters other than tab and newlines have no place in a name or a context.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/u;
const noControlCharacters = (text: string) => !CONTROL_CHARACTERS.test(text);

/** Body of POST /api/sessions. */
export const startSessionBody = z.strictObject({
  profile: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,31}$/, "must be a profile name such as interviewer")
    .optional(),
  face: z
    .string()
    .regex(
      /^[a-z][a-z0-9_-]{0,31}$/,
      "must be a face id such as jeremy (GET /api/faces lists them)",
    )
    .optional(),
  knowledge: z
    .array(z.string().regex(/^kb_[0-9a-f]{16}$/, "must be a knowledge base id (kb_…)"))
    .max(5, "must name at most 5 knowledge bases")
    .optional(),
  tools: z
    .array(
      z
        .string()
        .regex(/^tool_[0-9a-f]{16}$/, "must be a tool id (tool_…; GET /api/tools lists them)"),
    )
    .max(MAX_SESSION_TOOLS, `must name at most ${MAX_SESSION_TOOLS} tools`)
    .optional(),
  context: z
    .string()
    .max(CONTEXT_MAX_CHARACTERS, `must be at most ${CONTEXT_MAX_CHARACTERS} characters`)
    .refine(
      (text) => countWords(text) <= CONTEXT_MAX_WORDS,
      `must be at most ${CONTEXT_MAX_WORDS} words`,
    )
    .refine(noControlCharacters, "must not contain control characters")
    .transform((text) => text.trim())
    .optional(),
  userName: z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(USER_NAME_MAX_CHARACTERS, `must be at most ${USER_NAME_MAX_CHARACTERS} characters`)
    .refine(noControlCharacters, "must not contain control characters")
    .optional(),
});

/** Largest start body: the context limit in 4-byte characters, and room for the rest. */
export const START_BODY_MAX_BYTES = CONTEXT_MAX_CHARACTERS * 4 + 4096;
