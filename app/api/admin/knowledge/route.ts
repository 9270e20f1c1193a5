import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { createBase, listBases } from "@/lib/knowledge/store";

import { createBaseBody } from "./schema";

const NO_STORE = { "Cache-Control": "no-store" };

/** The knowledge bases, oldest first, with how many documents each holds. */
export const GET = route(async (request: Request) => {
  await requireAdmin(request);
  return Response.json({ bases: await listBases(await getDb()) }, { headers: NO_STORE });
});

/** Creates a knowledge base: `{ name, isPublic? }` → 201 `{ base }`. */
export const POST = route(async (request: Request) => {
  await requireAdmin(request);
  const input = parseInput(createBaseBody, await readJsonBody(request, { maxBytes: 4096 }));
  const base = await createBase(await getDb(), input);
  return Response.json({ base }, { status: 201, headers: NO_STORE });
});
