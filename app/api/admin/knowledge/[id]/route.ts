import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { deleteBase, updateBase } from "@/lib/knowledge/store";

import { updateBaseBody } from "../schema";

type Params = { params: Promise<{ id: string }> };

/** Renames a base or offers it to visitors (or stops): `{ name?, isPublic? }` → `{ base }`. */
export const PATCH = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const changes = parseInput(updateBaseBody, await readJsonBody(request, { maxBytes: 4096 }));
  const base = await updateBase(await getDb(), (await params).id, changes);
  return Response.json({ base }, { headers: { "Cache-Control": "no-store" } });
});

/** Deletes a knowledge base with its documents. */
export const DELETE = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  await deleteBase(await getDb(), (await params).id);
  return new Response(null, { status: 204 });
});
