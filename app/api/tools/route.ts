import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listPublicTools } from "@/lib/tools/store";

/** The operator tools a conversation may enable (POST /api/sessions { tools }). */
export const GET = route(async () => {
  return Response.json(
    { tools: await listPublicTools(await getDb()) },
    // An operator's change shows at once: a tool withdrawn here must not be offered from a cache.
    { headers: { "Cache-Control": "no-store" } },
  );
});
