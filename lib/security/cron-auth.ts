import "server-only";

import { env } from "@/lib/env";

import { requireBearer } from "./bearer";

/** Cron routes exist only when CRON_SECRET is set, and answer only to that bearer token. */
export function requireCronSecret(request: Request): void {
  requireBearer(request, env.CRON_SECRET, "cron secret");
}
