import "server-only";

import { randomBytes } from "node:crypto";

import { BRAND } from "@/lib/brand";
import { mintAvatarToken, mintUserToken, type LiveKitCredentials } from "@/lib/livekit/tokens";
import { ProviderError } from "@/lib/providers/errors";
import type {
  AvatarLook,
  ProviderConnection,
  ProviderSessionState,
  ProviderStartInput,
  ProviderStartResult,
} from "@/lib/providers/types";

// What both Equos API versions do alike: naming and tagging what we start, bring-your-own
// LiveKit tokens, paging through lists.

/** Our own LiveKit deployment ("bring your own LiveKit"). */
export type OwnLiveKit = LiveKitCredentials & { url: string };

/** The avatar's name and picture, for the landing page. */
export type { AvatarLook };

/** One Equos API version, as the provider in ./provider.ts drives it. */
export interface EquosApi {
  start(input: ProviderStartInput): Promise<ProviderStartResult>;
  stop(providerSessionId: string): Promise<void>;
  get(providerSessionId: string): Promise<{ state: ProviderSessionState }>;
  findRunning(sessionId: string): Promise<string[]>;
  /** One cheap authenticated call: throws when Equos cannot be used. */
  ping(): Promise<void>;
  look(): Promise<AvatarLook>;
}

const USER_TOKEN_TTL_SECONDS = 10 * 60;
/** The avatar's identity in rooms on our own LiveKit, where we mint its token. */
export const HOSTED_AVATAR_IDENTITY = "jeremy";
/** Equos caps a list page at 50 rows. */
export const PAGE_SIZE = 50;
const MAX_PAGES = 200;

export function conversationName(sessionId: string) {
  return `${BRAND.productName} ${sessionId}`;
}

/** The person in the room, as Equos is told about them. */
export function newConsumer(userName: string | null) {
  return { identity: `user-${randomBytes(6).toString("hex")}`, name: userName ?? "Guest" };
}

/** The `host` to send Equos when the room is on our own LiveKit: the avatar joins with it. */
export async function ownHost(livekit: OwnLiveKit, input: ProviderStartInput, avatarName: string) {
  const accessToken = await mintAvatarToken(livekit, {
    room: input.sessionId,
    identity: HOSTED_AVATAR_IDENTITY,
    name: avatarName,
    ttlSeconds: input.maxDurationSeconds + 60,
  });
  return { serverUrl: livekit.url, accessToken };
}

/** The browser's connection to a room on our own LiveKit: we mint its token ourselves. */
export async function ownConnection(
  livekit: OwnLiveKit,
  input: ProviderStartInput,
  consumer: { identity: string; name: string },
): Promise<ProviderConnection> {
  return {
    serverUrl: livekit.url,
    participantToken: await mintUserToken(livekit, {
      room: input.sessionId,
      identity: consumer.identity,
      name: consumer.name,
      ttlSeconds: USER_TOKEN_TTL_SECONDS,
    }),
    participantIdentity: consumer.identity,
  };
}

/** The consumer token from a start answer; without one the browser cannot join. */
export function requireToken(token: string | null | undefined, id: string): string {
  if (!token) throw new ProviderError("error", `Equos started ${id} without a consumer token`);
  return token;
}

/**
 * Runs what follows a successful create; if it fails, stops what was created before throwing,
 * because Equos bills it until it is stopped.
 */
export async function orStop<T>(
  id: string,
  stop: (id: string) => Promise<unknown>,
  then: () => Promise<T>,
) {
  try {
    return await then();
  } catch (error) {
    await stop(id).catch((stopError: unknown) => {
      console.error(`Equos ${id} could not be stopped after a failed start`, stopError);
    });
    throw error;
  }
}

/**
 * Every row of a paged Equos list. Stops at a short page or once `total` rows have come; a
 * list that never ends is an error rather than a silently partial answer.
 */
export async function everyPage<T>(
  read: (skip: number, take: number) => Promise<{ total: number; take: number; rows: T[] }>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await read(rows.length, PAGE_SIZE);
    rows.push(...answer.rows);
    const pageSize = Math.min(PAGE_SIZE, answer.take > 0 ? answer.take : PAGE_SIZE);
    if (answer.rows.length === 0 || answer.rows.length < pageSize) return rows;
    if (rows.length >= answer.total) return rows;
  }
  throw new ProviderError("error", `Equos listed more than ${MAX_PAGES} pages`);
}

/** A picture URL the page may show: absolute http(s) only. */
export function portraitUrl(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  return ["http:", "https:"].includes(new URL(value).protocol) ? value : null;
}
