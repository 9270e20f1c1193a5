import "server-only";

import type { NextRequest, NextResponse } from "next/server";

import { env, ownerKeySecret } from "@/lib/env";

import {
  OWNER_COOKIE,
  OWNER_COOKIE_HOST,
  isIssuedOwnerKey,
  newOwnerKey,
  ownerCookieOptions,
} from "./owner";

/** The owner key the browser presented, if this server issued it; any other value is ignored. */
export function ownerKeyFrom(request: NextRequest): string | undefined {
  const value = request.cookies.get(ownerCookieName(request))?.value;
  return isIssuedOwnerKey(value, ownerKeySecret) ? value : undefined;
}

/** The browser's owner key, or a new one for a browser that has none yet. */
export function ownerKeyForStart(request: NextRequest): string {
  return ownerKeyFrom(request) ?? newOwnerKey(ownerKeySecret);
}

export function setOwnerCookie(request: NextRequest, response: NextResponse, ownerKey: string) {
  response.cookies.set(
    ownerCookieName(request),
    ownerKey,
    ownerCookieOptions(env.NODE_ENV === "production", hostPrefixed(request)),
  );
}

function ownerCookieName(request: NextRequest): string {
  return hostPrefixed(request) ? OWNER_COOKIE_HOST : OWNER_COOKIE;
}

/**
 * Production cookies carry the `__Host-` prefix, except for plain http on this machine (a local
 * `npm start`, the end-to-end tests): Chromium honours Secure there but refuses prefixed
 * cookies, and no other site can reach such a host's cookies anyway.
 */
function hostPrefixed(request: NextRequest): boolean {
  if (env.NODE_ENV !== "production") return false;
  const scheme =
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ??
    request.nextUrl.protocol.replace(/:$/, "");
  return scheme === "https" || !isLoopback(request.headers.get("host") ?? request.nextUrl.host);
}

function isLoopback(host: string): boolean {
  try {
    const { hostname } = new URL(`http://${host}`);
    return (
      hostname === "localhost" || hostname === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(hostname)
    );
  } catch {
    return false;
  }
}
