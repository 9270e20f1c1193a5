import { TOOL_ARGUMENTS_MAX_BYTES, TOOL_NAME_PATTERN } from "@/lib/contract";
import { getDb } from "@/lib/db";
import { toolAllowedHosts } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { verifyWorkerRequest } from "@/lib/livekit/worker-auth";
import { isSessionId } from "@/lib/sessions/ids";
import { callForSession } from "@/lib/tools/session-calls";

import { toolCallBody } from "./schema";

type Params = { params: Promise<{ id: string; name: string }> };

/**
 * The avatar agent calls one of its conversation's operator tools: `{ arguments }` → `{ status,
 * result, truncated }` (whatever the API answered, as text). The app makes the call, with the
 * tool's secret header; 400 for arguments the tool's schema refuses, 502 when the API cannot be
 * reached, answers with no text or a redirect, or its host is no longer allowed, 504 when it
 * does not answer in time, 429 past the conversation's allowance.
 */
export const POST = route(async (request: Request, { params }: Params) => {
  const { id, name } = await params;
  await verifyWorkerRequest(request, id);
  const body = await readJsonBody(request, { maxBytes: TOOL_ARGUMENTS_MAX_BYTES + 64 });
  const input = parseInput(toolCallBody, body);
  if (!isSessionId(id)) throw new AppError("NOT_FOUND", "No session with that id.");
  if (!TOOL_NAME_PATTERN.test(name)) {
    throw new AppError("NOT_FOUND", "This conversation has no tool by that name.");
  }
  const result = await callForSession(await getDb(), id, name, input.arguments, toolAllowedHosts);
  if (result.answer) {
    return Response.json(result.answer, { headers: { "Cache-Control": "no-store" } });
  }
  const problem = result.problem ?? "The tool failed.";
  if (result.outcome === "refused") throw new AppError("BAD_REQUEST", problem);
  if (result.outcome === "timeout") throw new AppError("PROVIDER_TIMEOUT", problem);
  throw new AppError("PROVIDER_ERROR", problem);
});
