// What the fake Equos speaks: the routes, request bodies and answer shapes of API v1 (sessions)
// and API v3 (characters and conversations) at https://api.equos.ai, as Equos documents them.
// Both versions share one store of conversations, rendered in each version's shape.
import { z } from "zod";

export type FakeEquosVersion = "v1" | "v3";
export type FakeEquosRoute = "create" | "stop" | "get" | "list" | "character";

/** A session (v1) or conversation (v3), whichever version created it. */
export interface FakeConversation {
  id: string;
  name: string;
  client?: string;
  serverUrl: string;
  avatar: { identity: string; name: string };
  maxSeconds: number | null;
  promptCtx?: string;
  consumer?: { identity: string; name: string };
  characterId?: string;
  startedAt: string;
  endedAt: string | null;
  /** v3: the status listed while not ended (default "running"), e.g. "starting". */
  status?: string;
  /** What was said, as Equos keeps it (see FakeEquos.say). */
  said?: Array<{ byUser: boolean; text: string; at: string }>;
}

export interface FakeCharacter {
  id: string;
  name: string;
  livekitIdentity: string;
  face: { id: string; thumbnailUrl: string | null; referenceImgUrl: string | null } | null;
}

export const EQUOS_ROOMS_URL = "wss://fake-equos.livekit.test";

export function routeOf(
  method: string,
  path: string,
): { route: FakeEquosRoute; version: FakeEquosVersion } | undefined {
  const v1 = /^\/v1\/sessions(?:\/([^/]+))?(\/stop)?$/.exec(path);
  if (v1) {
    const [, id, stop] = v1;
    if (!id && method === "POST") return { route: "create", version: "v1" };
    if (!id && method === "GET") return { route: "list", version: "v1" };
    if (id && stop && method === "PATCH") return { route: "stop", version: "v1" };
    if (id && !stop && method === "GET") return { route: "get", version: "v1" };
    return undefined;
  }
  const v3 = /^\/v3\/conversations(?:\/([^/]+))?(\/stop)?$/.exec(path);
  if (v3) {
    const [, id, stop] = v3;
    if (!id && method === "POST") return { route: "create", version: "v3" };
    if (!id && method === "GET") return { route: "list", version: "v3" };
    if (id && stop && method === "POST") return { route: "stop", version: "v3" };
    if (id && !stop && method === "GET") return { route: "get", version: "v3" };
    return undefined;
  }
  if (method === "GET" && /^\/v3\/characters\/[^/]+$/.test(path)) {
    return { route: "character", version: "v3" };
  }
  return undefined;
}

const identity = z.strictObject({ identity: z.string().min(1), name: z.string().min(1) });
const host = z.strictObject({ serverUrl: z.string().min(1), accessToken: z.string().min(1) });

export const v1CreateBody = z.strictObject({
  name: z.string().min(1),
  client: z.string().optional(),
  avatar: z.union([
    z.strictObject({ id: z.string().min(1) }),
    z.strictObject({
      identity: z.string().min(1),
      name: z.string().min(1),
      refImage: z.string().min(1),
    }),
  ]),
  agent: z
    .union([
      z.strictObject({ id: z.string().min(1) }),
      z.strictObject({
        provider: z.enum(["openai", "gemini", "elevenlabs"]),
        model: z.string().optional(),
        voice: z.string().optional(),
        instructions: z.string().optional(),
        greetingMsg: z.string().optional(),
      }),
    ])
    .optional(),
  consumerIdentity: identity.optional(),
  host: host.optional(),
  maxDuration: z.number().int().positive().optional(),
  additionalCtx: z.string().optional(),
  templateVars: z.record(z.string(), z.string()).optional(),
});

export const v3CreateBody = z.strictObject({
  name: z.string().min(1),
  characterId: z.string().min(1),
  client: z.string().optional(),
  consumer: identity.optional(),
  host: host.optional(),
  remoteAgent: identity.optional(),
  maxSeconds: z.number().positive().optional(),
  promptCtx: z.string().optional(),
  promptTemplateVars: z.record(z.string(), z.string()).optional(),
});

/** A v1 session as Equos answers it. */
export function asSession(c: FakeConversation) {
  return {
    id: c.id,
    name: c.name,
    status: c.endedAt ? "ended" : "starting",
    client: c.client,
    host: { serverUrl: c.serverUrl },
    avatar: { id: `av_${c.id}`, ...c.avatar, thumbnailUrl: null },
    maxDuration: c.maxSeconds,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    transcript: {
      transcription: (c.said ?? []).map((line) => ({
        text: line.text,
        received_at: line.at,
        identity: line.byUser ? (c.consumer?.identity ?? "user") : c.avatar.identity,
      })),
    },
  };
}

/** A v3 conversation as Equos answers it; `character` only where the start answer has it. */
export function asConversation(c: FakeConversation, withCharacter = false) {
  return {
    id: c.id,
    name: c.name,
    client: c.client,
    status: c.endedAt ? "ended" : (c.status ?? "running"),
    room: `room_${c.id}`,
    serverUrl: c.serverUrl,
    consumerName: c.consumer?.name,
    consumerIdentity: c.consumer?.identity,
    charge: true,
    chargeBySecond: 0.002,
    maxSeconds: c.maxSeconds ?? 600,
    promptCtx: c.promptCtx,
    transcript: (c.said ?? []).map((line, index) => ({
      id: `tr_${index}`,
      author: line.byUser ? (c.consumer?.identity ?? "user") : "character",
      content: line.text,
      recordedAt: line.at,
    })),
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    createdAt: c.startedAt,
    updatedAt: c.endedAt ?? c.startedAt,
    characterId: c.characterId ?? "char_unknown",
    organizationId: "org_fake",
    ...(withCharacter
      ? { character: { name: c.avatar.name, livekitIdentity: c.avatar.identity } }
      : {}),
  };
}
