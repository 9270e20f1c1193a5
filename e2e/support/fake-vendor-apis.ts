// The start calls of the avatar vendors, as each documents them, for the fake vendor
// (./fake-avatar-vendor.ts): where each call goes, how it carries the key, what its body holds,
// and what the vendor answers. A call that launches an avatar names the LiveKit URL and token.
import { randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

import { z } from "zod";

export type VendorId = "lemonslice" | "bey" | "anam";

interface Taken {
  status: number;
  json: unknown;
  /** Where the vendor's avatar joins, with what token. */
  launch?: { url: string; token: string };
}

interface VendorRoute {
  /** The first call of a start (where a vendor refuses or hangs). */
  first: boolean;
  take(
    fake: { apiKey: string },
    credential: string | undefined,
    body: unknown,
  ): Taken | { status: number; refused: string };
}

export interface VendorApi {
  credential(headers: IncomingHttpHeaders): string | undefined;
  routes: Record<string, VendorRoute>;
  workerEnv(fake: { apiKey: string; avatarId: string; origin: string }): Record<string, string>;
}

const livekitUrl = z.url({ protocol: /^wss?$/ });
const jwt = z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/);

/** A key check and a body check; then what to answer. */
function route(
  first: boolean,
  schema: z.ZodType,
  answer: (body: never, credential: string) => Taken,
  credentialOk: (credential: string | undefined, fake: { apiKey: string }) => boolean = (
    credential,
    fake,
  ) => credential === fake.apiKey,
): VendorRoute {
  return {
    first,
    take(fake, credential, body) {
      if (!credentialOk(credential, fake)) return { status: 401, refused: "Invalid API key" };
      const parsed = schema.safeParse(body);
      if (!parsed.success) return { status: 422, refused: parsed.error.issues[0]!.message };
      return answer(parsed.data as never, credential!);
    },
  };
}

const bearer = (headers: IncomingHttpHeaders) => headers.authorization?.match(/^Bearer (.+)$/)?.[1];

/** Anam's session tokens given out, with the LiveKit room each one's engine session joins. */
const anamTokens = new Map<string, { url: string; token: string }>();

export const VENDOR_APIS: Record<VendorId, VendorApi> = {
  // POST /api/liveai/sessions, `X-API-Key` → { session_id } (LiveKit's LemonSlice plugin).
  lemonslice: {
    credential: (headers) => headers["x-api-key"] as string | undefined,
    routes: {
      "/api/liveai/sessions": route(
        true,
        z
          .object({
            transport_type: z.literal("livekit"),
            properties: z.object({ livekit_url: livekitUrl, livekit_token: jwt }),
            agent_id: z.string().min(1).optional(),
            agent_image_url: z.url().optional(),
          })
          .refine((body) => !body.agent_id !== !body.agent_image_url, {
            message: "exactly one of agent_id and agent_image_url",
          }),
        (body: { properties: { livekit_url: string; livekit_token: string } }) => ({
          status: 200,
          json: { session_id: `ls_${randomBytes(6).toString("hex")}` },
          launch: { url: body.properties.livekit_url, token: body.properties.livekit_token },
        }),
      ),
    },
    workerEnv: (fake) => ({
      LEMONSLICE_API_KEY: fake.apiKey,
      LEMONSLICE_AGENT_ID: fake.avatarId,
      LEMONSLICE_API_URL: `${fake.origin}/api/liveai/sessions`,
    }),
  },
  // POST /v1/session, `x-api-key` → 201 the session (Beyond Presence's API).
  bey: {
    credential: (headers) => headers["x-api-key"] as string | undefined,
    routes: {
      "/v1/session": route(
        true,
        z.strictObject({
          avatar_id: z.string().min(1),
          livekit_url: livekitUrl,
          livekit_token: jwt,
        }),
        (body: { avatar_id: string; livekit_url: string; livekit_token: string }) => ({
          status: 201,
          json: {
            id: `bey_${randomBytes(6).toString("hex")}`,
            avatar_id: body.avatar_id,
            livekit_url: body.livekit_url,
          },
          launch: { url: body.livekit_url, token: body.livekit_token },
        }),
      ),
    },
    workerEnv: (fake) => ({
      BEY_API_KEY: fake.apiKey,
      BEY_AVATAR_ID: fake.avatarId,
      BEY_API_URL: fake.origin,
    }),
  },
  // POST /v1/auth/session-token (Bearer the key) → { sessionToken }; then POST
  // /v1/engine/session (Bearer that token) → { sessionId }, and the avatar joins (Anam's API).
  anam: {
    credential: bearer,
    routes: {
      "/v1/auth/session-token": route(
        true,
        z.object({
          personaConfig: z.union([
            z.strictObject({ personaId: z.string().min(1) }),
            z.object({
              type: z.literal("ephemeral"),
              avatarId: z.string().min(1),
              llmId: z.literal("CUSTOMER_CLIENT_V1"),
            }),
          ]),
          environment: z.object({ livekitUrl, livekitToken: jwt }),
        }),
        (body: { environment: { livekitUrl: string; livekitToken: string } }) => {
          const sessionToken = `anam_session_${randomBytes(8).toString("hex")}`;
          anamTokens.set(sessionToken, {
            url: body.environment.livekitUrl,
            token: body.environment.livekitToken,
          });
          return { status: 200, json: { sessionToken } };
        },
      ),
      "/v1/engine/session": route(
        false,
        z.object({}),
        (_body, credential) => ({
          status: 200,
          json: { sessionId: `anam_${randomBytes(6).toString("hex")}` },
          launch: anamTokens.get(credential)!,
        }),
        (credential) => credential !== undefined && anamTokens.has(credential),
      ),
    },
    workerEnv: (fake) => ({
      ANAM_API_KEY: fake.apiKey,
      ANAM_AVATAR_ID: fake.avatarId,
      ANAM_API_URL: fake.origin,
    }),
  },
};
