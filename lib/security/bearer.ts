import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";

/** True when the request carries `Authorization: Bearer <secret>`, compared in constant time. */
export function hasBearer(request: Request, secret: string): boolean {
  const presented = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return presented !== "" && timingSafeEqual(digest(presented), digest(secret));
}
