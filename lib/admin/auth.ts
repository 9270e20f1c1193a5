import "server-only";

import { env } from "@/lib/env";
import { requireBearer } from "@/lib/security/bearer";

/** Admin routes exist only when ADMIN_TOKEN is set, and answer only to that bearer token. */
export function requireAdmin(request: Request): void {
  requireBearer(request, env.ADMIN_TOKEN, "admin token");
}
