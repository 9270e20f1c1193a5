// The browser's side of the session API. Plain fetch, no secrets: everything here ships to the
// browser. Stopping retries until the server confirms, because an unstopped session bills.
import type { StopReason } from "@/lib/contract";
import type { SessionView } from "@/lib/sessions/view";
import { sleep } from "@/lib/sleep";

export type { SessionView };

export interface Connection {
  serverUrl: string;
  participantToken: string;
  participantIdentity: string;
}

export interface StartedSession {
  session: SessionView;
  connection: Connection;
}

export interface StartOptions {
  profile?: string;
  context?: string;
  userName?: string;
  /** The face to show: an id from GET /api/faces (the server's default when left out). */
  face?: string;
  /** Knowledge bases the conversation may search: ids from GET /api/knowledge, at most 5. */
  knowledge?: string[];
  /** Operator tools the conversation's model may call: ids from GET /api/tools, at most 5. */
  tools?: string[];
}

/** A failure the page can explain to a person. */
export class SessionApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "SessionApiError";
  }
}

const JSON_HEADERS = { "content-type": "application/json" };

/** Starts a conversation; throws SessionApiError with the server's own words on failure. */
export function startSession(options: StartOptions): Promise<StartedSession> {
  return call<StartedSession>("POST", "/api/sessions", options);
}

/** How long the page keeps asking while the avatar is getting ready for the next conversation. */
const WARMING_PATIENCE_MS = 60_000;

/**
 * Begins (starts or resumes) a conversation, asking again while the server answers that the
 * avatar is still getting ready (AVATAR_WARMING: nothing was created, nothing is billed), and
 * calling `onWaiting` so the page can say so. Any other failure, or a wait past a minute, throws.
 */
export async function beginWhenAvatarReady<T>(
  begin: () => Promise<T>,
  onWaiting: () => void,
): Promise<T> {
  const giveUpAt = Date.now() + WARMING_PATIENCE_MS;
  for (;;) {
    try {
      return await begin();
    } catch (error) {
      const warming = error instanceof SessionApiError && error.code === "AVATAR_WARMING";
      if (!warming || Date.now() > giveUpAt) throw error;
      onWaiting();
      await sleep((error.retryAfterSeconds ?? 3) * 1000);
    }
  }
}

/** The path of one session's action: /api/sessions/{id}/{action}. */
export function sessionPath(id: string, action: string): string {
  return `/api/sessions/${encodeURIComponent(id)}/${action}`;
}

/** Calls the session API; throws SessionApiError with the server's own words on failure. */
export async function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      ...(body === undefined ? {} : { headers: JSON_HEADERS, body: JSON.stringify(body) }),
    });
  } catch {
    throw new SessionApiError(
      "NETWORK",
      "We couldn't reach the server. Check your connection and try again.",
    );
  }
  if (response.ok) return (await response.json()) as T;
  throw await errorFrom(response);
}

async function errorFrom(response: Response): Promise<SessionApiError> {
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new SessionApiError(
      body.error?.code ?? "UNKNOWN",
      body.error?.message ?? "Something went wrong.",
      retryAfter,
    );
  } catch {
    return new SessionApiError("UNKNOWN", `The server answered ${response.status}.`, retryAfter);
  }
}

export type { StopReason };

/** Why a stop is being asked again: the server was out of reach, or it is still ending it. */
export interface StopRetry {
  attempt: number;
  offline: boolean;
  /** The server answered 202: it has the stop in hand, and it is not finished yet. */
  serverPending: boolean;
}

/**
 * Asks the server to stop a session, and keeps asking (backing off, waiting for the network to
 * return when offline) until it answers that the session has ended. Resolves with it.
 */
export async function stopSessionUntilConfirmed(
  id: string,
  reason: StopReason,
  onRetry?: (retry: StopRetry) => void,
): Promise<SessionView> {
  for (let attempt = 1; ; attempt++) {
    let serverPending = false;
    try {
      const response = await fetch(sessionPath(id, "stop"), {
        method: "POST",
        headers: JSON_HEADERS,
        body: JSON.stringify({ reason }),
        keepalive: true,
      });
      // 200: ended. 202: the server is ending it (and retries by itself); ask again shortly.
      if (response.status === 200) {
        return ((await response.json()) as { session: SessionView }).session;
      }
      serverPending = response.status === 202;
      // A 4xx other than rate limiting will not change by asking again.
      if (!serverPending && response.status < 500 && response.status !== 429) {
        throw await errorFrom(response);
      }
    } catch (error) {
      if (error instanceof SessionApiError) throw error;
    }
    // Node 21+ has a `navigator` too, without `onLine`: only a browser that says so is offline.
    const offline = typeof navigator !== "undefined" && navigator.onLine === false;
    onRetry?.({ attempt, offline, serverPending });
    await (offline ? untilOnline() : sleep(Math.min(15_000, 500 * 2 ** attempt)));
  }
}

/** Last-chance stop for a closing tab: a beacon outlives the page. */
export function beaconStop(id: string, reason: StopReason): boolean {
  const body = new Blob([JSON.stringify({ reason })], { type: "text/plain;charset=UTF-8" });
  return navigator.sendBeacon(sessionPath(id, "stop"), body);
}

/** Tells the server the page is still here (every 15 s), so an abandoned session is reaped. */
export async function sendHeartbeat(id: string): Promise<void> {
  await fetch(sessionPath(id, "heartbeat"), { method: "POST" }).catch(() => undefined);
}

function untilOnline() {
  return new Promise<void>((resolve) =>
    window.addEventListener("online", () => resolve(), { once: true }),
  );
}
