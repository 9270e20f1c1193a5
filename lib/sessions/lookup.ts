import { AppError } from "@/lib/errors";
import type { PrismaClient, Session } from "@/lib/generated/prisma/client";

import { isSessionId } from "./ids";
import { ownsSession } from "./owner";

/** The session with this id, or null (without asking the database for an id that is not one). */
export async function findSession(db: PrismaClient, id: string): Promise<Session | null> {
  return isSessionId(id) ? db.session.findUnique({ where: { id } }) : null;
}

/** Finds a session for the browser that owns it: 404 when unknown, 403 for anyone else. */
export async function findOwnedSession(
  db: PrismaClient,
  id: string,
  ownerKey: string | undefined,
): Promise<Session> {
  const row = await findSession(db, id);
  if (!row) throw new AppError("NOT_FOUND", "No session with that id.");
  if (!ownsSession(ownerKey, row.ownerKeyHash)) {
    throw new AppError("FORBIDDEN", "This session belongs to another browser.");
  }
  return row;
}
