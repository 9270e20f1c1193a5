import type { z } from "zod";

import { AppError } from "@/lib/errors";

/** Validates input against a schema; failures become a 400 that says what is wrong. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    return `${where}${issue.message}`;
  });
  throw new AppError("BAD_REQUEST", `Invalid request: ${problems.join("; ")}.`);
}
