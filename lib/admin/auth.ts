import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";

import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasBearer } from "@/lib/security/bearer";

/** The operator page's sign-in cookie: HttpOnly, so the page's scripts never see it. */
export const ADMIN_COOKIE = "jeremy_admin";
const COOKIE_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Admin routes exist only when ADMIN_TOKEN is set, and answer only to that token: as a bearer
 * token (scripts, curl) or as the sign-in cookie the operator page set (/admin).
 */
export function requireAdmin(request: Request): void {
  const token = env.ADMIN_TOKEN;
  if (!token) throw new AppError("NOT_FOUND", "Not found.");
  if (hasBearer(request, token) || isAdminCookie(cookieFrom(request), token)) return;
  throw new AppError("UNAUTHORIZED", "A valid admin token is required.");
}

/** Whether a cookie value (from a request, or a server component's cookies()) signs an admin in. */
export function isAdminCookie(value: string | undefined, token = env.ADMIN_TOKEN): boolean {
  if (!token || !value) return false;
  const expected = Buffer.from(adminCookieValue(token));
  const presented = Buffer.from(value);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * The cookie's value: a keyed hash of the token, not the token itself, so the cookie never
 * reveals it; changing ADMIN_TOKEN signs every operator out.
 */
function adminCookieValue(token: string): string {
  return createHmac("sha256", token).update("talk-to-jeremy admin sign-in").digest("hex");
}

/** Whether `presented` is the admin token (constant time). */
export function isAdminToken(presented: string): boolean {
  const token = env.ADMIN_TOKEN;
  if (!token) return false;
  const digest = (value: string) => createHmac("sha256", "compare").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

/** The Set-Cookie options for signing in (value) or out (empty, expired). */
export function adminCookie(signIn: boolean) {
  return {
    name: ADMIN_COOKIE,
    value: signIn && env.ADMIN_TOKEN ? adminCookieValue(env.ADMIN_TOKEN) : "",
    httpOnly: true,
    secure: env.NODE_ENV === "production",
    sameSite: "strict" as const,
    path: "/",
    maxAge: signIn ? COOKIE_MAX_AGE_SECONDS : 0,
  };
}

function cookieFrom(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === ADMIN_COOKIE) return value.join("=");
  }
  return undefined;
}
