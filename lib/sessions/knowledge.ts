// The knowledge bases a session may search: those it named at its start, each one an operator
// made public (a private base is for the operator's own use, through the admin API).
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Of a session's bases, those still public: an operator who withdraws a base (or deletes it)
 * withdraws it from the conversations already going too, and from a resume.
 */
export async function stillPublic(db: PrismaClient, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.knowledgeBase.findMany({
    where: { id: { in: ids }, isPublic: true },
    select: { id: true },
  });
  return ids.filter((id) => found.some((base) => base.id === id));
}

/** The ids, each once, once each is found public; else a 400 naming the first that is not. */
export async function publicBases(db: PrismaClient, ids: string[]): Promise<string[]> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return [];
  const found = await db.knowledgeBase.findMany({
    where: { id: { in: wanted }, isPublic: true },
    select: { id: true },
  });
  const missing = wanted.find((id) => !found.some((base) => base.id === id));
  if (missing) {
    throw new AppError(
      "BAD_REQUEST",
      `Invalid request: knowledge: "${missing}" is not a knowledge base available here.`,
    );
  }
  return wanted;
}
