import type { NextRequest } from "next/server";

import { requireAdmin } from "@/lib/admin/auth";
import { cachedHealth, publicHealth } from "@/lib/health";
import { route } from "@/lib/http/route";

/**
 * Liveness of the parts a conversation needs: the database and the avatar provider. Public, so
 * answered from a check a few seconds old at most, and with the detail only for an admin.
 */
export const GET = route(async (request: NextRequest) => {
  const check = await cachedHealth();
  const report = (await askedByAdmin(request)) ? check.report : publicHealth(check);
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});

/** Whether the request carries the admin token or the operator page's sign-in. */
async function askedByAdmin(request: NextRequest): Promise<boolean> {
  try {
    await requireAdmin(request);
    return true;
  } catch {
    return false;
  }
}
