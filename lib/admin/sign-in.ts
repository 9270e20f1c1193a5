import "server-only";

import { createHash, createHmac, randomBytes } from "node:crypto";

import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** How long one sign-in to /admin lasts. */
export const SIGN_IN_SECONDS = 12 * 60 * 60;
/**
 * Wrong sign-in attempts one client may make per window. An attempt counts from the moment it
 * arrives (so guesses sent in parallel count before any is checked); a right one is then forgotten,
 * so an operator who signs in often is never locked out by it.
 */
export const SIGN_IN_ATTEMPTS = { max: 10, windowSeconds: 15 * 60 };

/**
 * Counts one sign-in attempt for `clientKey`, refusing (429) past the limit; returns the
 * attempt's id, for forgetSignInAttempt once the token proves right. The count and the insert
 * run under the client's advisory lock, so attempts sent in parallel, to any instance, are
 * counted one after another and none slips past.
 */
export async function countSignInAttempt(db: PrismaClient, clientKey: string): Promise<number> {
  const now = new Date();
  const since = new Date(now.getTime() - SIGN_IN_ATTEMPTS.windowSeconds * 1000);
  const counted = await db.$transaction(async (tx): Promise<Counted> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`admin-sign-in:${clientKey}`}))`;
    const recent = await tx.adminSignInAttempt.findMany({
      where: { clientKey, at: { gte: since } },
      orderBy: { at: "asc" },
      select: { at: true },
    });
    if (recent.length >= SIGN_IN_ATTEMPTS.max) return { refusedSince: recent[0]?.at ?? now };
    const attempt = await tx.adminSignInAttempt.create({
      data: { clientKey, at: now },
      select: { id: true },
    });
    return { id: attempt.id };
  });
  // Old attempts count for nothing; dropping them keeps the table small.
  await db.adminSignInAttempt.deleteMany({ where: { at: { lt: since } } });
  if ("refusedSince" in counted) {
    const retryAfter = (counted.refusedSince.getTime() - since.getTime()) / 1000;
    throw new AppError("RATE_LIMITED", "Too many sign-in attempts; try again later.", {
      retryAfterSeconds: retryAfter,
    });
  }
  return counted.id;
}

/** An attempt counted, or refused with the time of the oldest attempt still in the window. */
type Counted = { id: number } | { refusedSince: Date };

/** The attempt gave the right token: it no longer counts against its client. */
export async function forgetSignInAttempt(db: PrismaClient, attemptId: number): Promise<void> {
  await db.adminSignInAttempt.deleteMany({ where: { id: attemptId } });
}

/** Records a sign-in made with `adminToken`; returns the key the operator's cookie holds. */
export async function createSignIn(db: PrismaClient, adminToken: string): Promise<string> {
  const key = randomBytes(32).toString("base64url");
  const now = Date.now();
  await db.adminSignIn.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  await db.adminSignIn.create({
    data: {
      keyHash: hashKey(key),
      tokenFingerprint: fingerprint(adminToken),
      expiresAt: new Date(now + SIGN_IN_SECONDS * 1000),
    },
  });
  return key;
}

/** Whether `key` is a sign-in that is unexpired, not signed out, and made with today's token. */
export async function isSignedIn(
  db: PrismaClient,
  key: string | undefined,
  adminToken: string,
): Promise<boolean> {
  if (!key || key.length > 100) return false;
  const found = await db.adminSignIn.findFirst({
    where: {
      keyHash: hashKey(key),
      tokenFingerprint: fingerprint(adminToken),
      expiresAt: { gt: new Date() },
    },
    select: { keyHash: true },
  });
  return found !== null;
}

/** Signing out: the sign-in is gone, so its cookie opens nothing even if it was copied. */
export async function signOut(db: PrismaClient, key: string | undefined): Promise<void> {
  if (!key || key.length > 100) return;
  await db.adminSignIn.deleteMany({ where: { keyHash: hashKey(key) } });
}

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A keyed hash of the token: the ledger never holds the token, and a new token ends old sign-ins. */
function fingerprint(adminToken: string): string {
  return createHmac("sha256", adminToken).update("talk-to-jeremy admin sign-in").digest("hex");
}
