import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Admin routes exist only when ADMIN_TOKEN is set, and answer only to that bearer token. */
export function requireAdmin(request: Request): void {
  if (!env.ADMIN_TOKEN) throw new AppError("NOT_FOUND", "Not found.");
  const presented = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  if (!timingSafeEqual(digest(presented), digest(env.ADMIN_TOKEN))) {
    throw new AppError("UNAUTHORIZED", "A valid admin token is required.");
  }
}
