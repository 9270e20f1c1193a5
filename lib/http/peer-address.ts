// The address of the socket a request came in on, for deployments with no proxy in front.
// Next's route handlers see only headers, and `next start` writes the socket's address into
// X-Forwarded-For only when the client sent none (`??=` in next/dist/server/base-server.js), so
// that header is the client's to choose. Node announces every request on a diagnostics channel
// before any handler runs; we stamp the socket's address into a header there, with a secret
// made in this process, so a client cannot send a stamp of its own.
import "server-only";

import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/** The header that carries the stamp: "<secret> <address>". */
export const PEER_HEADER = "x-talk-to-jeremy-peer";

// On globalThis: under `next dev` the instrumentation hook and the route handlers load separate
// copies of this module, and both must see one secret.
const STATE = Symbol.for("talk-to-jeremy.peer-address");
type State = { secret: string; stamping: boolean };
const holder = globalThis as typeof globalThis & { [STATE]?: State };

function state(): State {
  holder[STATE] ??= { secret: randomBytes(16).toString("hex"), stamping: false };
  return holder[STATE];
}

/**
 * Stamps every request this process's HTTP servers receive from now on with its socket's
 * address. Called once at startup (instrumentation.ts); calling it again does nothing.
 */
export function stampPeerAddresses(): void {
  const current = state();
  if (current.stamping) return;
  current.stamping = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    // Replaces whatever the client sent under this name.
    request.headers[PEER_HEADER] = `${current.secret} ${socket.remoteAddress ?? ""}`;
  });
}

/**
 * The socket address stamped on a request, or null when there is no genuine stamp (no stamping
 * in this process, or a request that came before it began): callers then count the request with
 * every other address-less one.
 */
export function peerAddress(headers: Headers): string | null {
  const secret = holder[STATE]?.secret;
  const value = headers.get(PEER_HEADER);
  if (!secret || !value) return null;
  const [presented = "", address] = value.split(" ");
  const genuine =
    presented.length === secret.length &&
    timingSafeEqual(Buffer.from(presented), Buffer.from(secret));
  return genuine && address ? address : null;
}

/** The header a stamped request from `address` carries (for tests that call handlers directly). */
export function peerHeaders(address: string): Record<string, string> {
  return { [PEER_HEADER]: `${state().secret} ${address}` };
}
