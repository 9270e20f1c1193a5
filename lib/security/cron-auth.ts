import "server-only";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

import { hasBearer } from "./bearer";

/** Cron routes exist only when CRON_SECRET is set, and answer only to that bearer token. */
export function requireCronSecret(request: Request): void {
  if (!env.CRON_SECRET) throw new AppError("NOT_FOUND", "Not found.");
  if (!hasBearer(request, env.CRON_SECRET)) {
    throw new AppError("UNAUTHORIZED", "A valid cron secret is required.");
  }
}
