import "server-only";

import { randomBytes } from "node:crypto";

import { BRAND } from "@/lib/brand";
import { roomNameFor } from "@/lib/livekit/rooms";
import { mintAvatarToken, mintUserToken, type LiveKitCredentials } from "@/lib/livekit/tokens";
import { ProviderError } from "@/lib/providers/errors";
import type {
  AvatarLook,
  ProviderConnection,
  ProviderSessionState,
  ProviderStartInput,
  ProviderStartResult,
  ProviderTranscriptLine,
} from "@/lib/providers/types";

// What both Equos API versions do alike: naming and tagging what we start, bring-your-own
// LiveKit tokens, paging through lists.

/** Our own LiveKit deployment ("bring your own LiveKit"). */
export type OwnLiveKit = LiveKitCredentials & { url: string };

/** One Equos API version, as the provider in ./provider.ts drives it. */
export interface EquosApi {
  start(input: ProviderStartInput): Promise<ProviderStartResult>;
  stop(providerSessionId: string): Promise<void>;
  get(providerSessionId: string): Promise<{ state: ProviderSessionState }>;
  findRunning(sessionId: string): Promise<string[]>;
  /** One cheap authenticated call: throws when Equos cannot be used. */
  ping(): Promise<void>;
  look(): Promise<AvatarLook>;
  /** What was said in the conversation, as Equos recorded it. */
  transcript(providerSessionId: string): Promise<ProviderTranscriptLine[]>;
}

/** Our end user's identity in an Equos room (see newConsumer). */
export function isConsumer(identity: string | null | undefined): boolean {
  return identity?.startsWith(CONSUMER_PREFIX) === true;
}

const USER_TOKEN_TTL_SECONDS = 10 * 60;
/** The avatar's identity in rooms on our own LiveKit, where we mint its token. */
export const HOSTED_AVATAR_IDENTITY = "jeremy";
/** Equos caps a list page at 50 rows. */
export const PAGE_SIZE = 50;
const MAX_PAGES = 200;

const CONSUMER_PREFIX = "user-";

export function conversationName(sessionId: string) {
  return `${BRAND.productName} ${sessionId}`;
}

/** The person in the room, as Equos is told about them. */
export function newConsumer(userName: string | null) {
  return {
    identity: `${CONSUMER_PREFIX}${randomBytes(6).toString("hex")}`,
    name: userName ?? "Guest",
  };
}

/** The `host` to send Equos when the room is on our own LiveKit: the avatar joins with it. */
export async function ownHost(livekit: OwnLiveKit, input: ProviderStartInput, avatarName: string) {
  const accessToken = await mintAvatarToken(livekit, {
    room: roomNameFor(input.sessionId, input.resume?.segment),
    identity: HOSTED_AVATAR_IDENTITY,
    name: avatarName,
    ttlSeconds: input.maxDurationSeconds + 60,
  });
  return { serverUrl: livekit.url, accessToken };
}

/** The browser's connection to a room on our own LiveKit: we mint its token ourselves. */
async function ownConnection(
  livekit: OwnLiveKit,
  input: ProviderStartInput,
  consumer: { identity: string; name: string },
): Promise<ProviderConnection> {
  return {
    serverUrl: livekit.url,
    participantToken: await mintUserToken(livekit, {
      room: roomNameFor(input.sessionId, input.resume?.segment),
      identity: consumer.identity,
      name: consumer.name,
      ttlSeconds: USER_TOKEN_TTL_SECONDS,
    }),
    participantIdentity: consumer.identity,
  };
}

/** The room Equos hosts for a conversation (when it is not on our own LiveKit). */
interface HostedRoom {
  serverUrl: string;
  /** The browser's token, from the create answer; without one the browser cannot join. */
  token: string | null | undefined;
  avatar: () => Promise<{ identity: string; name: string }> | { identity: string; name: string };
}

/**
 * The start's answer once Equos has created `id`: on our own LiveKit we mint the browser's
 * token; otherwise the browser joins the room Equos hosts. If this fails, what was created is
 * stopped before the error goes on, because Equos bills it until it is stopped.
 */
export async function answerStart(options: {
  id: string;
  input: ProviderStartInput;
  consumer: { identity: string; name: string };
  livekit: OwnLiveKit | undefined;
  stop: (id: string) => Promise<unknown>;
  /** The avatar's name in a room on our own LiveKit. */
  avatarName: () => Promise<string> | string;
  hosted: HostedRoom;
}): Promise<ProviderStartResult> {
  const { id, input, consumer, livekit, hosted } = options;
  try {
    if (livekit) {
      return {
        providerSessionId: id,
        avatar: { identity: HOSTED_AVATAR_IDENTITY, name: await options.avatarName() },
        connection: await ownConnection(livekit, input, consumer),
      };
    }
    if (!hosted.token) {
      throw new ProviderError("error", `Equos started ${id} without a consumer token`);
    }
    return {
      providerSessionId: id,
      avatar: await hosted.avatar(),
      connection: {
        serverUrl: hosted.serverUrl,
        participantToken: hosted.token,
        participantIdentity: consumer.identity,
      },
    };
  } catch (error) {
    await options.stop(id).catch((stopError: unknown) => {
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

/** How one API version reads, lists and stops its rows (v1 sessions, v3 conversations). */
interface RowCalls<Row extends { id: string }> {
  stop(id: string): Promise<unknown>;
  read(id: string): Promise<Row>;
  state(row: Row): ProviderSessionState;
  listPage(query: { client: string; take: number; skip: number }): Promise<{
    total: number;
    take: number;
    rows: Row[];
  }>;
  /** Whether a listed row was started for this session and may still bill. */
  runningFor(row: Row, sessionId: string): boolean;
}

/** Stop, get and findRunning: alike in both versions but for their paths and rows. */
export function rowLookups<Row extends { id: string }>(
  calls: RowCalls<Row>,
): Pick<EquosApi, "stop" | "get" | "findRunning"> {
  return {
    async stop(id) {
      await calls.stop(id);
    },
    async get(id) {
      return { state: calls.state(await calls.read(id)) };
    },
    async findRunning(sessionId) {
      const rows = await everyPage((skip, take) =>
        calls.listPage({ client: sessionId, take, skip }),
      );
      // Only rows that carry our tag: were the filter ever ignored, nobody else's session may
      // be taken for ours.
      return rows.filter((row) => calls.runningFor(row, sessionId)).map((row) => row.id);
    },
  };
}

/** A picture URL the page may show: absolute http(s) only. */
export function portraitUrl(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  return ["http:", "https:"].includes(new URL(value).protocol) ? value : null;
}
