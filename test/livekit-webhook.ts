// Builds LiveKit webhook deliveries the way the LiveKit server sends them: a protobuf-JSON event
// body, and an Authorization header holding a token signed with the API key and secret whose
// sha256 claim is the base64 SHA-256 of that exact body.
import { createHash } from "node:crypto";

import { AccessToken } from "livekit-server-sdk";

import { LIVEKIT_DEV_DEFAULTS } from "@/lib/env";

export interface WebhookEventInit {
  event: string;
  room?: string;
  participant?: { identity: string; kind?: string; disconnectReason?: string };
}

export function webhookBody(init: WebhookEventInit): string {
  return JSON.stringify({
    event: init.event,
    ...(init.room ? { room: { sid: "RM_test", name: init.room } } : {}),
    ...(init.participant
      ? { participant: { sid: "PA_test", state: "DISCONNECTED", ...init.participant } }
      : {}),
    id: `EV_${Math.random().toString(36).slice(2)}`,
    createdAt: String(Math.floor(Date.now() / 1000)),
  });
}

/** The Authorization header LiveKit sends with `body` (no "Bearer" prefix). */
export async function signWebhook(
  body: string,
  credentials: { apiKey: string; apiSecret: string } = LIVEKIT_DEV_DEFAULTS,
): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}
