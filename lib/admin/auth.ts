import "server-only";

import { createHmac, timingSafeEqual } from "node:crypto";

import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hasBearer } from "@/lib/security/bearer";

import { isSignedIn, SIGN_IN_SECONDS } from "./sign-in";

/** The operator page's sign-in cookie: HttpOnly, so the page's scripts never see it. */
export const ADMIN_COOKIE = "jeremy_admin";

/**
 * Admin routes exist only when ADMIN_TOKEN is set, and answer only to that token: as a bearer
 * token (scripts, curl) or as the sign-in cookie the operator page set (/admin).
 */
export async function requireAdmin(request: Request): Promise<void> {
  const token = env.ADMIN_TOKEN;
  if (!token) throw new AppError("NOT_FOUND", "Not found.");
  if (hasBearer(request, token) || (await isAdminCookie(adminCookieFrom(request)))) return;
  throw new AppError("UNAUTHORIZED", "A valid admin token is required.");
}

/**
 * Whether a cookie value (from a request, or a server component's cookies()) is a live sign-in:
 * one the server recorded, not yet expired or signed out, made with the current ADMIN_TOKEN.
 */
export async function isAdminCookie(value: string | undefined): Promise<boolean> {
  const token = env.ADMIN_TOKEN;
  if (!token || !value) return false;
  return isSignedIn(await getDb(), value, token);
}

/** Whether `presented` is the admin token (constant time). */
export function isAdminToken(presented: string): boolean {
  const token = env.ADMIN_TOKEN;
  if (!token) return false;
  const digest = (value: string) => createHmac("sha256", "compare").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

/** The Set-Cookie options for signing in (with the sign-in's key) or out (empty, expired). */
export function adminCookie(key: string | null) {
  return {
    name: ADMIN_COOKIE,
    value: key ?? "",
    httpOnly: true,
    secure: env.NODE_ENV === "production",
    sameSite: "strict" as const,
    path: "/",
    maxAge: key ? SIGN_IN_SECONDS : 0,
  };
}

/** The sign-in cookie a request carries, if any. */
export function adminCookieFrom(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === ADMIN_COOKIE) return value.join("=");
  }
  return undefined;
}
