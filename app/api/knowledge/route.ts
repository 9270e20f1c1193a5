import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";
import { listPublicBases } from "@/lib/knowledge/store";

/** The knowledge bases a conversation may search (POST /api/sessions { knowledge }). */
export const GET = route(async () => {
  return Response.json(
    { bases: await listPublicBases(await getDb()) },
    // An operator's change shows at once: a base deleted here must not be offered from a cache.
    { headers: { "Cache-Control": "no-store" } },
  );
});
