import { requireAdmin } from "@/lib/admin/auth";
import { usageReport } from "@/lib/admin/usage";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";

/** Billed seconds per day over the last 30 days, sessions per end reason, estimated cost. */
export const GET = route(async (request: Request) => {
  await requireAdmin(request);
  const report = await usageReport(await getDb(), { days: 30, costs: env.COST_PER_MINUTE });
  return Response.json(report, { headers: { "Cache-Control": "no-store" } });
});
