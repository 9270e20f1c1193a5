import "server-only";

// A conversation's calls of its operator tools: only the tools it enabled that are still public,
// only while it is going on, at most TOOL_CALLS_PER_SESSION of them, and each one kept
// (ToolCall) for operators.
import { TOOL_CALLS_PER_SESSION } from "@/lib/contract";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import { callTool, type ToolCallResult } from "./call-tool";
import { enabledTool } from "./store";

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

  // A call is claimed before it is made, in one conditional update: calls made at once, from
  // any number of app instances, never pass the allowance together.
  const { count } = await db.session.updateMany({
    where: { id: sessionId, status: "ACTIVE", toolCallsMade: { lt: TOOL_CALLS_PER_SESSION } },
    data: { toolCallsMade: { increment: 1 } },
  });
  if (count === 0) {
    throw new AppError(
      "RATE_LIMITED",
      `This conversation has made its ${TOOL_CALLS_PER_SESSION} tool calls.`,
    );
  }
  const started = performance.now();
  const result = await callTool(tool, args, allowedHosts);
  await db.toolCall.create({
    data: {
      sessionId,
      toolId: tool.id,
      toolName: name,
      outcome: result.outcome,
      status: result.status,
      ms: Math.round(performance.now() - started),
    },
  });
  return result;
}
