import "server-only";

import { AccessToken, TrackSource } from "livekit-server-sdk";

export interface LiveKitCredentials {
  apiKey: string;
  apiSecret: string;
}

interface ParticipantTokenInput {
  room: string;
  identity: string;
  name: string;
  ttlSeconds: number;
}

/**
 * A token for the person in the conversation: they may publish their microphone and nothing
 * else (no camera, no screen share), subscribe, send text (typed turns), and set their own
 * attributes (the page tells Jeremy it prefers reduced motion).
 */
export function mintUserToken(credentials: LiveKitCredentials, input: ParticipantTokenInput) {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
    identity: input.identity,
    name: input.name,
    ttl: input.ttlSeconds,
  });
  token.addGrant({
    room: input.room,
    roomJoin: true,
    canPublish: true,
    canPublishSources: [TrackSource.MICROPHONE],
    canSubscribe: true,
    canPublishData: true,
    canUpdateOwnMetadata: true,
  });
  return token.toJwt();
}

/** A token for an avatar that joins the room on our behalf (Equos with our own LiveKit). */
export function mintAvatarToken(credentials: LiveKitCredentials, input: ParticipantTokenInput) {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
    identity: input.identity,
    name: input.name,
    ttl: input.ttlSeconds,
  });
  token.addGrant({
    room: input.room,
    roomJoin: true,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
  });
  token.kind = "agent";
  return token.toJwt();
}
