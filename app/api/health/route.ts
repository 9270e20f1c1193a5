import { route } from "@/lib/http/route";
import { checkHealth } from "@/lib/health";

/** Liveness of the parts a conversation needs: the database and the avatar provider. */
export const GET = route(async () => {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
});
