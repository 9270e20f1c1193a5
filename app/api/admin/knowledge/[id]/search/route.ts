import type { NextRequest } from "next/server";

import { requireAdmin } from "@/lib/admin/auth";
import { getDatabase } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-input";
import { route } from "@/lib/http/route";
import { requireBase, searchKnowledge } from "@/lib/knowledge/store";

import { searchQuery } from "../../schema";

/** What a conversation's search of this base would find: `?q=…&limit=` → `{ passages }`. */
export const GET = route(
  async (request: NextRequest, { params }: { params: Promise<{ id: string }> }) => {
    await requireAdmin(request);
    const { id } = await params;
    const { q, limit } = parseInput(searchQuery, Object.fromEntries(request.nextUrl.searchParams));
    const database = await getDatabase();
    await requireBase(database.prisma, id);
    const passages = await searchKnowledge(database.read, [id], q, limit);
    return Response.json({ passages }, { headers: { "Cache-Control": "no-store" } });
  },
);
