import "server-only";

import { AccessToken, TrackSource, type VideoGrant } from "livekit-server-sdk";

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
  return sign(credentials, input, {
    canPublishSources: [TrackSource.MICROPHONE],
    canUpdateOwnMetadata: true,
  });
}

/** A token for an avatar that joins the room on our behalf (Equos with our own LiveKit). */
export function mintAvatarToken(credentials: LiveKitCredentials, input: ParticipantTokenInput) {
  return sign(credentials, input, {}, "agent");
}

/** A token to join one room, publish, subscribe and send data, with the grants given on top. */
function sign(
  credentials: LiveKitCredentials,
  input: ParticipantTokenInput,
  grant: VideoGrant,
  kind?: "agent",
) {
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
    ...grant,
  });
  if (kind) token.kind = kind;
  return token.toJwt();
}
