import { NextResponse } from "next/server";

import { offeredFaces } from "@/lib/faces/offered";
import { route } from "@/lib/http/route";

/** The faces a conversation may show here (POST /api/sessions { face }), the default first. */
export const GET = route(async () => {
  return NextResponse.json(
    { faces: await offeredFaces() },
    // Configuration, the same for everyone: a short public cache spares the provider's look().
    { headers: { "Cache-Control": "public, max-age=60" } },
  );
});
