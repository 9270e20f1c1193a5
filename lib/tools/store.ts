import "server-only";

// Operator tools in the ledger's database: HTTP APIs an operator declares on /admin for the
// avatar's model to call. A tool's secret header is written here and read only by the call
// (call-tool.ts); no view of a tool carries it.
import { randomBytes } from "node:crypto";

import { AppError } from "@/lib/errors";
import { type ToolSpec } from "@/lib/contract";
import type { OperatorTool, PrismaClient } from "@/lib/generated/prisma/client";
import type { Prisma } from "@/lib/generated/prisma/client";

import { hostProblem } from "./hosts";

/** The most tools an operator may keep. */
export const MAX_TOOLS = 50;

export type ToolMethod = "GET" | "POST";

/** A tool as an operator declares it. */
export interface ToolInput {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  url: string;
  method: ToolMethod;
  /** A header sent with each call; null: none. */
  secretHeader: { name: string; value: string } | null;
  timeoutMs: number;
  isPublic: boolean;
}

/** What operators see of a tool: everything but its secret's value. */
export interface ToolView {
  id: string;
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  url: string;
  method: string;
  /** The secret header's name; its value is never shown. */
  secretHeaderName: string | null;
  timeoutMs: number;
  isPublic: boolean;
  /** Calls made for conversations so far. */
  calls: number;
  createdAt: string;
}

/** What visitors see of a public tool (GET /api/tools). */
export interface PublicToolView {
  id: string;
  name: string;
  description: string;
}

const TOOL_ID = /^tool_[0-9a-f]{16}$/;
const newToolId = () => `tool_${randomBytes(8).toString("hex")}`;

export async function createTool(
  db: PrismaClient,
  input: ToolInput,
  allowedHosts: ReadonlySet<string>,
): Promise<ToolView> {
  refuseHost(input.url, allowedHosts);
  if ((await db.operatorTool.count()) >= MAX_TOOLS) {
    throw new AppError("CONFLICT", `There are already ${MAX_TOOLS} tools; delete one first.`);
  }
  const tool = await withUniqueName(db, input.name, null, () =>
    db.operatorTool.create({
      data: {
        id: newToolId(),
        ...columns(input),
        name: input.name,
        description: input.description,
        parameters: input.parameters as Prisma.InputJsonObject,
        url: input.url,
        method: input.method,
      },
    }),
  );
  return view(tool, 0);
}

/** Changes some of a tool; a `secretHeader` left out keeps the one set, null removes it. */
export async function updateTool(
  db: PrismaClient,
  id: string,
  changes: Partial<ToolInput>,
  allowedHosts: ReadonlySet<string>,
): Promise<ToolView> {
  if (changes.url !== undefined) refuseHost(changes.url, allowedHosts);
  const before = await findTool(db, id);
  const moved = changes.url !== undefined && hostOf(changes.url).host !== hostOf(before.url).host;
  if (moved && before.secretHeaderValue && changes.secretHeader === undefined) {
    // The secret was given for the old host: it is not sent to another without being asked.
    throw new AppError(
      "BAD_REQUEST",
      "Invalid request: url: moving the tool to another host needs its secret header again (secretHeader, or null for none).",
    );
  }
  const tool = await withUniqueName(db, changes.name, id, () =>
    db.operatorTool.update({ where: { id }, data: columns(changes) }),
  );
  return view(tool, await db.toolCall.count({ where: { toolId: tool.id } }));
}

export async function deleteTool(db: PrismaClient, id: string): Promise<void> {
  await findTool(db, id);
  await db.operatorTool.delete({ where: { id } });
}

/** Every tool, oldest first. */
export async function listTools(db: PrismaClient): Promise<ToolView[]> {
  const [tools, calls] = await Promise.all([
    db.operatorTool.findMany({ orderBy: { createdAt: "asc" } }),
    db.toolCall.groupBy({ by: ["toolId"], _count: { _all: true } }),
  ]);
  return tools.map((tool) =>
    view(tool, calls.find((row) => row.toolId === tool.id)?._count._all ?? 0),
  );
}

/** The tools offered to visitors, oldest first. */
export async function listPublicTools(db: PrismaClient): Promise<PublicToolView[]> {
  const tools = await db.operatorTool.findMany({
    where: { isPublic: true },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, description: true },
  });
  return tools;
}

/** The ids, each once, once each is a public tool; else a 400 naming the first that is not. */
export async function publicTools(db: PrismaClient, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const found = await db.operatorTool.findMany({
    where: { id: { in: wanted }, isPublic: true },
    select: { id: true },
  });
  const missing = wanted.find((id) => !found.some((tool) => tool.id === id));
  if (missing) {
    throw new AppError(
      "BAD_REQUEST",
      `Invalid request: tools: "${missing}" is not a tool available here.`,
    );
  }
  return wanted;
}

/**
 * A session's tools as its model is told of them: those still public (an operator who withdraws
 * or deletes a tool withdraws it from conversations already going, and from a resume).
 */
export async function sessionTools(db: PrismaClient, ids: string[]): Promise<ToolSpec[]> {
  if (ids.length === 0) return [];
  const tools = await db.operatorTool.findMany({
    where: { id: { in: ids }, isPublic: true },
    orderBy: { createdAt: "asc" },
  });
  return tools.map(({ name, description, parameters }) => ({
    name,
    description,
    parameters: parameters as Record<string, unknown>,
  }));
}

/** The tool named `name` if the session enabled it and it is still public; else null. */
export async function enabledTool(
  db: PrismaClient,
  ids: string[],
  name: string,
): Promise<OperatorTool | null> {
  if (ids.length === 0) return null;
  return db.operatorTool.findFirst({ where: { id: { in: ids }, name, isPublic: true } });
}

async function findTool(db: PrismaClient, id: string): Promise<OperatorTool> {
  const tool = TOOL_ID.test(id) ? await db.operatorTool.findUnique({ where: { id } }) : null;
  if (!tool) throw new AppError("NOT_FOUND", "No tool with that id.");
  return tool;
}

function refuseHost(url: string, allowedHosts: ReadonlySet<string>): void {
  const problem = hostProblem(hostOf(url), allowedHosts);
  if (problem) throw new AppError("BAD_REQUEST", `Invalid request: url: ${problem}`);
}

/** Writes a tool whose name no other tool has (the model tells tools apart by name). */
async function withUniqueName(
  db: PrismaClient,
  name: string | undefined,
  ownId: string | null,
  write: () => Promise<OperatorTool>,
): Promise<OperatorTool> {
  const taken = () => new AppError("CONFLICT", `A tool named "${name}" already exists.`);
  if (name !== undefined) {
    const other = await db.operatorTool.findUnique({ where: { name }, select: { id: true } });
    if (other && other.id !== ownId) throw taken();
  }
  try {
    return await write();
  } catch (error) {
    // Two operators declaring the same name at once: the unique index decides.
    if ((error as { code?: unknown }).code === "P2002") throw taken();
    throw error;
  }
}

function columns(input: Partial<ToolInput>) {
  const { secretHeader, parameters, ...rest } = input;
  return {
    ...rest,
    ...(parameters === undefined ? {} : { parameters: parameters as Prisma.InputJsonObject }),
    ...(secretHeader === undefined
      ? {}
      : {
          secretHeaderName: secretHeader?.name ?? null,
          secretHeaderValue: secretHeader?.value ?? null,
        }),
  };
}

function view(tool: OperatorTool, calls: number): ToolView {
  return {
    id: tool.id,
    name: tool.name,
    description: tool.description,
    parameters: tool.parameters as Record<string, unknown>,
    url: tool.url,
    method: tool.method,
    secretHeaderName: tool.secretHeaderName,
    timeoutMs: tool.timeoutMs,
    isPublic: tool.isPublic,
    calls,
    createdAt: tool.createdAt.toISOString(),
  };
}

/** The URL of a template (its `{name}`s, only ever in its path or query, stood in for). */
function hostOf(template: string): URL {
  return new URL(template.replace(/\{\w+\}/g, "x"));
}
