import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { toolAllowedHosts } from "@/lib/env";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { deleteTool, updateTool } from "@/lib/tools/store";

import { TOOL_BODY_MAX_BYTES, updateToolBody } from "../schema";

type Params = { params: Promise<{ id: string }> };

/** Changes a tool (any of its fields; `secretHeader: null` removes the header) → `{ tool }`. */
export const PATCH = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  const body = await readJsonBody(request, { maxBytes: TOOL_BODY_MAX_BYTES });
  const changes = parseInput(updateToolBody, body);
  const tool = await updateTool(await getDb(), (await params).id, changes, toolAllowedHosts);
  return Response.json({ tool }, { headers: { "Cache-Control": "no-store" } });
});

/** Deletes a tool: conversations that had it can no longer call it. */
export const DELETE = route(async (request: Request, { params }: Params) => {
  await requireAdmin(request);
  await deleteTool(await getDb(), (await params).id);
  return new Response(null, { status: 204 });
});
