import { AppError } from "@/lib/errors";
import type { PrismaClient, Session } from "@/lib/generated/prisma/client";

import { isSessionId } from "./ids";
import { ownsSession } from "./owner";

/** Finds a session for the browser that owns it: 404 when unknown, 403 for anyone else. */
export async function findOwnedSession(
  db: PrismaClient,
  id: string,
  ownerKey: string | undefined,
): Promise<Session> {
  const row = isSessionId(id) ? await db.session.findUnique({ where: { id } }) : null;
  if (!row) throw new AppError("NOT_FOUND", "No session with that id.");
  if (!ownsSession(ownerKey, row.ownerKeyHash)) {
    throw new AppError("FORBIDDEN", "This session belongs to another browser.");
  }
  return row;
}
