import { z } from "zod";

/**
 * A short line of text from a client: trimmed, not empty, at most `max` characters, and no control
 * characters (PostgreSQL refuses a NUL outright; a newline has no place in a name or a query).
 */
export function oneLine(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "must be one line of text");
}
