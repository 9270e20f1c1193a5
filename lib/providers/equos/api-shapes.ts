// Fields both Equos API versions answer with alike.
import { z } from "zod";

/** A start answer's tokens: the browser's, and one for an agent of our own (unused here). */
export const startTokens = {
  consumerAccessToken: z.string().min(1).nullish(),
  remoteAgentAccessToken: z.string().nullish(),
};

/** A list answer's paging. */
export const listPage = {
  skip: z.number(),
  take: z.number(),
  total: z.number(),
};
