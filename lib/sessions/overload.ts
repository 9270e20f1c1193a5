import { isAppError } from "@/lib/errors";

/**
 * Whether a failed limit-checking transaction failed for want of time, not for a fault: the
 * start lock was not free within its lock_timeout (PostgreSQL 55P03), or Prisma could not get a
 * connection for the transaction, or ran out of its time (P2028). Such a start is answered busy
 * (503 with Retry-After), never as an internal error.
 */
export function isOverload(error: unknown): boolean {
  if (isAppError(error)) return false;
  return codesIn(error, 0).some((code) => code === "55P03" || code === "P2028");
}

/** Every `code` or `originalCode` in an error, its cause and its details, a few levels down. */
function codesIn(value: unknown, depth: number): string[] {
  if (depth > 5 || typeof value !== "object" || value === null) return [];
  const found: string[] = [];
  const record = value as Record<string, unknown>;
  for (const key of ["code", "originalCode"]) {
    if (typeof record[key] === "string") found.push(record[key]);
  }
  for (const key of ["cause", "meta", "driverAdapterError"]) {
    found.push(...codesIn(record[key], depth + 1));
  }
  return found;
}
