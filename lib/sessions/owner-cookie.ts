import "server-only";

import type { NextRequest, NextResponse } from "next/server";

import { env } from "@/lib/env";

import { OWNER_COOKIE, isOwnerKey, newOwnerKey, ownerCookieOptions } from "./owner";

/** The owner key the browser presented, if any. */
export function ownerKeyFrom(request: NextRequest): string | undefined {
  const value = request.cookies.get(OWNER_COOKIE)?.value;
  return isOwnerKey(value) ? value : undefined;
}

/** The browser's owner key, or a new one for a browser that has none yet. */
export function ownerKeyForStart(request: NextRequest): string {
  return ownerKeyFrom(request) ?? newOwnerKey();
}

export function setOwnerCookie(response: NextResponse, ownerKey: string) {
  response.cookies.set(OWNER_COOKIE, ownerKey, ownerCookieOptions(env.NODE_ENV === "production"));
}
