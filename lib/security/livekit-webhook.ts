import "server-only";

import { WebhookReceiver, type WebhookEvent } from "livekit-server-sdk";

import { livekitSettings } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { decodeUtf8, readBodyBytes } from "@/lib/http/read-body";

/** LiveKit's events are small; anything larger is not one. */
export const WEBHOOK_BODY_MAX_BYTES = 64 * 1024;

// ParticipantInfo.Kind and DisconnectReason values of LiveKit's protocol (livekit_models.proto).
const HUMAN_KINDS = new Set([0 /* STANDARD */, 3 /* SIP */]);
const DUPLICATE_IDENTITY = 2;

/**
 * Verifies a LiveKit webhook and returns its event. LiveKit signs each delivery with a token
 * (our API key and secret) whose sha256 claim is the hash of the exact body, so the body is
 * read raw, as text, before anything parses it. Unverified: 401.
 */
export async function receiveLiveKitWebhook(request: Request): Promise<WebhookEvent> {
  // Never verified with the public dev key pair: without LiveKit keys in production, no route.
  if (!livekitSettings.trusted) throw new AppError("NOT_FOUND", "Not found.");
  const body = decodeUtf8(await readBodyBytes(request, WEBHOOK_BODY_MAX_BYTES));
  const receiver = new WebhookReceiver(livekitSettings.apiKey, livekitSettings.apiSecret);
  try {
    return await receiver.receive(body, request.headers.get("authorization") ?? undefined);
  } catch (error) {
    // JSON is parsed only after the signature checked out: a signed body that is not JSON.
    if (error instanceof SyntaxError) throw new AppError("BAD_REQUEST", "The event is not JSON.");
    throw new AppError("UNAUTHORIZED", "The webhook signature is missing or invalid.");
  }
}

/** A room event that means the person has gone: whose room, and who left (if a participant). */
export interface Departure {
  room: string;
  identity?: string;
}

/**
 * The person left the room (not an agent, a recorder or the avatar, and not a reconnect that
 * replaced them under the same identity), or the room closed. Null for any other event.
 */
export function departureFrom(event: WebhookEvent): Departure | null {
  const room = event.room?.name;
  if (!room) return null;
  if (event.event === "room_finished") return { room };
  if (event.event !== "participant_left" || !event.participant) return null;
  const { kind, identity, disconnectReason } = event.participant;
  if (!HUMAN_KINDS.has(kind) || disconnectReason === DUPLICATE_IDENTITY) return null;
  return { room, identity };
}
