import { route } from "@/lib/http/route";
import { requireCronSecret } from "@/lib/security/cron-auth";
import { getSessionService } from "@/lib/sessions";

/**
 * One sweep, for Vercel Cron (vercel.json), which can only send GET with
 * `Authorization: Bearer $CRON_SECRET`: the one GET here that changes state, safe to repeat.
 */
export const GET = route(async (request: Request) => {
  requireCronSecret(request);
  const report = await getSessionService().sweep();
  return Response.json({ report }, { headers: { "Cache-Control": "no-store" } });
});
