import "server-only";

// A conversation's calls of its operator tools: only the tools it enabled that are still public,
// only while it is going on, at most TOOL_CALLS_PER_SESSION of them, and each one kept
// (ToolCall) for operators and for the count.
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { callTool, type ToolCallResult } from "./call-tool";
import { enabledTool } from "./store";

/** The most tool calls one conversation may make, whatever its worker asks. */
export const TOOL_CALLS_PER_SESSION = 20;

export async function callForSession(
  db: PrismaClient,
  sessionId: string,
  name: string,
  args: unknown,
  allowedHosts: ReadonlySet<string>,
): Promise<ToolCallResult> {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { status: true, toolIds: true },
  });
  if (!session) throw new AppError("NOT_FOUND", "No session with that id.");
  if (session.status !== "ACTIVE") {
    throw new AppError("CONFLICT", "The conversation is not going on; its tools are not called.");
  }
  const tool = await enabledTool(db, session.toolIds, name);
  if (!tool) throw new AppError("NOT_FOUND", `This conversation has no tool named "${name}".`);

  // The call is written before it is made, so calls made at once count each other.
  const call = await db.toolCall.create({
    data: { sessionId, toolName: name, outcome: "started", ms: 0 },
  });
  const made = await db.toolCall.count({ where: { sessionId, id: { lte: call.id } } });
  if (made > TOOL_CALLS_PER_SESSION) {
    await db.toolCall.update({ where: { id: call.id }, data: { outcome: "refused" } });
    throw new AppError(
      "RATE_LIMITED",
      `This conversation has made its ${TOOL_CALLS_PER_SESSION} tool calls.`,
    );
  }
  const started = performance.now();
  const result = await callTool(tool, args, allowedHosts);
  await db.toolCall.update({
    where: { id: call.id },
    data: {
      outcome: result.outcome,
      status: result.status,
      ms: Math.round(performance.now() - started),
    },
  });
  return result;
}
