import { route } from "@/lib/http/route";
import { requireCronSecret } from "@/lib/security/cron-auth";
import { getSessionService } from "@/lib/sessions";

// A sweep stops at most a few provider sessions at a time; give it a platform's usual minute.
export const maxDuration = 60;

/**
 * One sweep, for Vercel Cron (vercel.json), which can only send GET with
 * `Authorization: Bearer $CRON_SECRET`: the one GET here that changes state, safe to repeat.
 */
export const GET = route(async (request: Request) => {
  requireCronSecret(request);
  const report = await getSessionService().sweep();
  return Response.json({ report }, { headers: { "Cache-Control": "no-store" } });
});
