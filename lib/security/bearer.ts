import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

import { AppError } from "@/lib/errors";

/** The token in `Authorization: Bearer <token>`, if the request carries one. */
export function bearerToken(request: Request): string | undefined {
  return /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
}

/** True when the request carries `Authorization: Bearer <secret>`, compared in constant time. */
export function hasBearer(request: Request, secret: string): boolean {
  const presented = bearerToken(request) ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return presented !== "" && timingSafeEqual(digest(presented), digest(secret));
}

/**
 * Guards a route behind a configured secret: it does not exist (404) until the secret is set,
 * and then answers only to that bearer token (401 otherwise). `what` names it in the message.
 */
export function requireBearer(request: Request, secret: string | undefined, what: string): void {
  if (!secret) throw new AppError("NOT_FOUND", "Not found.");
  if (!hasBearer(request, secret))
    throw new AppError("UNAUTHORIZED", `A valid ${what} is required.`);
}
