import "server-only";

import { TokenVerifier } from "livekit-server-sdk";

import { WORKER_REPORT_IDENTITY } from "@/lib/contract";
import { livekitSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { bearerToken } from "@/lib/security/bearer";

/** Checks that a request comes from our avatar worker and concerns `sessionId`'s room. */
export async function verifyWorkerRequest(request: Request, sessionId: string): Promise<void> {
  const claims = await verifyWorkerToken(request);
  if (claims.video?.room !== sessionId) {
    throw new AppError("FORBIDDEN", "The worker token is not for this session.");
  }
}

/**
 * Checks that a request comes from our avatar worker: a bearer LiveKit token signed with our
 * API secret, for the worker identity. Resolves the token's claims.
 */
export async function verifyWorkerToken(request: Request) {
  // Never verified with the public dev key pair: without LiveKit keys in production, no route.
  if (!livekitSettings.trusted) throw new AppError("NOT_FOUND", "Not found.");
  const token = bearerToken(request);
  if (!token) throw new AppError("UNAUTHORIZED", "A worker token is required.");
  let claims;
  try {
    claims = await new TokenVerifier(livekitSettings.apiKey, livekitSettings.apiSecret).verify(
      token,
    );
  } catch {
    throw new AppError("UNAUTHORIZED", "The worker token is invalid or has expired.");
  }
  if (claims.sub !== WORKER_REPORT_IDENTITY) {
    throw new AppError("FORBIDDEN", "The token is not a worker's.");
  }
  return claims;
}
