// A vendor's avatar attached by a start call of our own, in the shape of LiveKit's avatar plugins
// (for vendors whose plugin pins another LiveKit Agents version than ours: Anam, Beyond Presence).
// As those plugins do: a LiveKit token for the avatar (kind agent, `lk.publish_on_behalf` the
// brain), the vendor's start call with it, then the session's speech sent to the avatar with
// LiveKit Agents' own DataStreamAudioOutput. The vendor call is bounded: one retry of a failure
// that may pass (a network error, 408, 429, 5xx), each try at most VENDOR_CALL_MS.
import { voice } from "@livekit/agents";
import { type Room, TrackKind } from "@livekit/rtc-node";
import { AccessToken } from "livekit-server-sdk";

import { sleep } from "@/lib/sleep";

import type { AttachedFace, AttachOptions } from "./hosted-face";

/**
 * A vendor's start call: one retry, each try at most 6 s. The vendor has answered (or the
 * conversation has ended as face_failed) well within the 20 s the page waits for a face.
 */
export const VENDOR_CALLS = { maxRetry: 1, retryIntervalMs: 1_000, timeoutMs: 6_000 };
/** How long the avatar's token lets it join (it joins within seconds of the start call). */
const JOIN_TOKEN_TTL = "2m";

/** One POST to the vendor's API: its path, its headers (the vendor's auth), its JSON body. */
export type VendorPost = (
  path: string,
  headers: Record<string, string>,
  body: unknown,
) => Promise<unknown>;

/** The start call(s) of one vendor, given the LiveKit URL and the avatar's token. */
export type VendorStart = (
  post: VendorPost,
  livekit: { url: string; token: string },
) => Promise<void>;

export interface VendorAvatarOptions {
  vendor: string;
  apiUrl: string;
  start: VendorStart;
  identity: string;
}

/** A vendor's HTTP status, kept for the log and for whether another try may help. */
export class VendorError extends Error {
  constructor(
    readonly vendor: string,
    readonly status: number | null,
    detail: string,
  ) {
    super(`${vendor}: ${status === null ? detail : `${status} ${detail}`}`);
    this.name = "VendorError";
  }

  get retryable(): boolean {
    return this.status === null || [408, 429].includes(this.status) || this.status >= 500;
  }
}

export class VendorAvatar extends voice.AvatarSession {
  constructor(private readonly options: VendorAvatarOptions) {
    super();
  }

  override get avatarIdentity(): string {
    return this.options.identity;
  }

  override get provider(): string {
    return this.options.vendor;
  }

  /** Asks the vendor for its avatar, then sends the session's speech to it. */
  async startIn(session: voice.AgentSession, room: Room, options: AttachOptions): Promise<void> {
    await super.start(session, room);
    const { url, apiKey, apiSecret } = options.livekit;
    const grant = new AccessToken(apiKey, apiSecret, {
      identity: this.avatarIdentity,
      name: this.options.vendor,
      ttl: JOIN_TOKEN_TTL,
    });
    grant.kind = "agent";
    grant.attributes = { "lk.publish_on_behalf": options.agentIdentity };
    grant.addGrant({ roomJoin: true, room: room.name });
    const token = await grant.toJwt();
    await this.options.start((path, headers, body) => this.post(path, headers, body), {
      url,
      token,
    });
    session.output.audio = new voice.DataStreamAudioOutput({
      room,
      destinationIdentity: this.avatarIdentity,
      waitRemoteTrack: TrackKind.KIND_VIDEO,
    });
  }

  /** One POST to the vendor (JSON both ways), tried again once if it may pass. */
  private async post(
    path: string,
    headers: Record<string, string>,
    body: unknown,
  ): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.postOnce(path, headers, body);
      } catch (error) {
        const failure =
          error instanceof VendorError
            ? error
            : new VendorError(this.options.vendor, null, String(error));
        if (!failure.retryable || attempt >= VENDOR_CALLS.maxRetry) throw failure;
        await sleep(VENDOR_CALLS.retryIntervalMs);
      }
    }
  }

  private async postOnce(path: string, headers: Record<string, string>, body: unknown) {
    const res = await fetch(new URL(path, this.options.apiUrl), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(VENDOR_CALLS.timeoutMs),
    });
    const text = await res.text();
    if (!res.ok) throw new VendorError(this.options.vendor, res.status, text.slice(0, 300));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new VendorError(this.options.vendor, res.status, "the answer is not JSON");
    }
  }
}

/** A vendor avatar as the session attaches it. */
export function attachVendorAvatar(
  options: VendorAvatarOptions,
  attach: AttachOptions,
): AttachedFace {
  const avatar = new VendorAvatar(options);
  return { avatar, start: (session, room) => avatar.startIn(session, room, attach) };
}
