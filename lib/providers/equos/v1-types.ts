// The Equos API v1 ("sessions") shapes this project relies on. Responses are validated, but
// loosely: unknown fields are kept, so a newer API that adds fields does not break us.
import { z } from "zod";

import { listPage, startTokens } from "./api-shapes";

export const equosSessionSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  client: z.string().nullish(),
  status: z.string(),
  host: z.looseObject({ serverUrl: z.string().min(1) }),
  avatar: z.looseObject({
    id: z.string().optional(),
    identity: z.string().min(1),
    name: z.string().min(1),
    thumbnailUrl: z.string().nullish(),
  }),
  maxDuration: z.number().nullish(),
  startedAt: z.string().nullish(),
  endedAt: z.string().nullish(),
  transcript: z
    .looseObject({
      transcription: z.array(
        z.looseObject({
          text: z.string(),
          received_at: z.string().nullish(),
          identity: z.string().nullish(),
        }),
      ),
    })
    .nullish(),
});

export const createSessionResponseSchema = z.looseObject({
  session: equosSessionSchema,
  ...startTokens,
});

export const listSessionsResponseSchema = z.looseObject({
  ...listPage,
  sessions: z.array(equosSessionSchema),
});

export type EquosSession = z.infer<typeof equosSessionSchema>;
export type CreateSessionResponse = z.infer<typeof createSessionResponseSchema>;
export type ListSessionsResponse = z.infer<typeof listSessionsResponseSchema>;

export interface CreateSessionRequest {
  name: string;
  client?: string;
  avatar: { id: string } | { identity: string; name: string; refImage: string };
  agent?:
    | { id: string }
    | {
        provider: "openai" | "gemini" | "elevenlabs";
        model?: string;
        voice?: string;
        instructions?: string;
        greetingMsg?: string;
      };
  consumerIdentity?: { identity: string; name: string };
  host?: { serverUrl: string; accessToken: string };
  maxDuration?: number;
  additionalCtx?: string;
  templateVars?: Record<string, string>;
}
