// The Equos API v3 ("characters" and "conversations") shapes this project relies on. As for
// v1, answers are validated loosely: unknown fields are kept and only what we read is required.
import { z } from "zod";

import { listPage, startTokens } from "./api-shapes";

const characterRefSchema = z.looseObject({
  name: z.string().min(1),
  livekitIdentity: z.string().min(1),
});

export const conversationSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().nullish(),
  client: z.string().nullish(),
  status: z.string(),
  serverUrl: z.string().min(1),
  maxSeconds: z.number().nullish(),
  endedAt: z.string().nullish(),
  characterId: z.string().nullish(),
  // Not in the OpenAPI document, but in the start answers Equos's own examples read.
  character: characterRefSchema.nullish(),
  consumerIdentity: z.string().nullish(),
  transcript: z
    .array(
      z.looseObject({
        author: z.string(),
        content: z.string(),
        recordedAt: z.string().nullish(),
      }),
    )
    .nullish(),
});

export const createConversationResponseSchema = z.looseObject({
  conversation: conversationSchema,
  ...startTokens,
});

export const listConversationsResponseSchema = z.looseObject({
  ...listPage,
  conversations: z.array(conversationSchema),
});

export const characterSchema = characterRefSchema.extend({
  id: z.string().min(1),
  face: z
    .looseObject({
      thumbnailUrl: z.string().nullish(),
      referenceImgUrl: z.string().nullish(),
    })
    .nullish(),
});

export type EquosConversation = z.infer<typeof conversationSchema>;
export type EquosCharacter = z.infer<typeof characterSchema>;

export interface CreateConversationRequest {
  name: string;
  characterId: string;
  client?: string;
  consumer?: { identity: string; name: string };
  host?: { serverUrl: string; accessToken: string };
  maxSeconds?: number;
  promptCtx?: string;
  promptTemplateVars?: Record<string, string>;
}
