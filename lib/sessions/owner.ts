import "server-only";

import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** The HttpOnly cookie that proves a browser started a session. */
export const OWNER_COOKIE = "jeremy_owner";
/**
 * Its name in production: the `__Host-` prefix makes the browser refuse the cookie unless it was
 * set Secure, by this very host, for path "/", so a sibling subdomain cannot plant one.
 */
export const OWNER_COOKIE_HOST = `__Host-${OWNER_COOKIE}`;
export const OWNER_COOKIE_PATH = "/api/sessions";
// 256 random bits, a dot, and the server's HMAC-SHA-256 of them (both base64url).
const OWNER_KEY = /^([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/**
 * A browser's owner key: 256 random bits signed with the server's secret, so only keys this
 * server issued are ever adopted. Only its hash is stored.
 */
export function newOwnerKey(secret: string): string {
  const nonce = randomBytes(32).toString("base64url");
  return `${nonce}.${signature(nonce, secret)}`;
}

/** True when `value` is a key this server issued (its signature checks out). */
export function isIssuedOwnerKey(value: string | undefined, secret: string): value is string {
  const match = value === undefined ? null : OWNER_KEY.exec(value);
  if (!match) return false;
  const expected = Buffer.from(signature(match[1] ?? "", secret));
  const presented = Buffer.from(match[2] ?? "");
  return presented.length === expected.length && timingSafeEqual(presented, expected);
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

/** The cookie's options; a `__Host-` cookie must be Secure with path "/". */
export function ownerCookieOptions(secure: boolean, hostPrefixed = false) {
  return {
    httpOnly: true,
    sameSite: "strict" as const,
    secure: secure || hostPrefixed,
    path: hostPrefixed ? "/" : OWNER_COOKIE_PATH,
    maxAge: 60 * 60 * 24,
  };
}

function signature(nonce: string, secret: string): string {
  return createHmac("sha256", secret).update(`owner key:${nonce}`).digest("base64url");
}
