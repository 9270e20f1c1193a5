import type { NextRequest } from "next/server";

import { requireAdmin } from "@/lib/admin/auth";
import { listSessions } from "@/lib/admin/sessions";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { route } from "@/lib/http/route";

import { listSessionsQuery } from "./schema";

/** Recent sessions and today's usage, for operators (ADMIN_TOKEN). */
export const GET = route(async (request: NextRequest) => {
  await requireAdmin(request);
  const query = parseInput(listSessionsQuery, Object.fromEntries(request.nextUrl.searchParams));
  return Response.json(await listSessions(await getDb(), query), {
    headers: { "Cache-Control": "no-store" },
  });
});
