import "server-only";

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** The HttpOnly cookie that proves a browser started a session. */
export const OWNER_COOKIE = "jeremy_owner";
export const OWNER_COOKIE_PATH = "/api/sessions";
const OWNER_KEY = /^[A-Za-z0-9_-]{43}$/;

/** A browser's owner key: 256 random bits. Only its hash is stored. */
export function newOwnerKey(): string {
  return randomBytes(32).toString("base64url");
}

export function isOwnerKey(value: string | undefined): value is string {
  return value !== undefined && OWNER_KEY.test(value);
}

export function hashOwnerKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** True when `key` is the one whose hash was stored for a session. */
export function ownsSession(key: string | undefined, storedHash: string): boolean {
  if (!isOwnerKey(key)) return false;
  const presented = Buffer.from(hashOwnerKey(key), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export function ownerCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure,
    path: OWNER_COOKIE_PATH,
    maxAge: 60 * 60 * 24,
  };
}
