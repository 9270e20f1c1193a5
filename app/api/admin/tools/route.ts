import { requireAdmin } from "@/lib/admin/auth";
import { getDb } from "@/lib/db";
import { toolAllowedHosts } from "@/lib/env";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { createTool, listTools } from "@/lib/tools/store";

import { createToolBody, TOOL_BODY_MAX_BYTES } from "./schema";

const NO_STORE = { "Cache-Control": "no-store" };

/** The operator tools, oldest first (never their secret header's value). */
export const GET = route(async (request: Request) => {
  await requireAdmin(request);
  return Response.json({ tools: await listTools(await getDb()) }, { headers: NO_STORE });
});

/**
 * Declares a tool: `{ name, description, parameters?, url, method?, secretHeader?, timeoutMs?,
 * isPublic? }` → 201 `{ tool }`. Its URL's host must be in TOOL_ALLOWED_HOSTS.
 */
export const POST = route(async (request: Request) => {
  await requireAdmin(request);
  const body = await readJsonBody(request, { maxBytes: TOOL_BODY_MAX_BYTES });
  const input = parseInput(createToolBody, body);
  const tool = await createTool(await getDb(), input, toolAllowedHosts);
  return Response.json({ tool }, { status: 201, headers: NO_STORE });
});
