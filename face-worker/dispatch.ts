// How an agent asks for a face: an explicit LiveKit dispatch to the face worker's agent name
// (FACE_AGENT_NAME) whose metadata names the agent the face speaks for. The face joins as
// `faceIdentity(agent)`, with `lk.publish_on_behalf` set to the agent, so the agent knows whom
// to send its speech to before the face arrives.
import { z } from "zod";

import { PUBLISH_ON_BEHALF } from "./protocol";

/** The dispatch's metadata, as JSON. */
export const faceRequest = z.strictObject({
  /** The identity of the agent in the room. */
  agentIdentity: z.string().regex(/^[\w.:@-]{1,120}$/),
});
export type FaceRequest = z.infer<typeof faceRequest>;

/** The face's identity in the room of `agentIdentity`. */
export function faceIdentity(agentIdentity: string): string {
  return `${agentIdentity}-face`;
}

/** The metadata to dispatch a face with. */
export function faceDispatchMetadata(request: FaceRequest): string {
  return JSON.stringify(faceRequest.parse(request));
}

/** What a face job was asked for, or why it cannot be served. */
export function readFaceRequest(metadata: string): FaceRequest | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(metadata);
  } catch {
    return { error: "the dispatch's metadata is not JSON" };
  }
  const parsed = faceRequest.safeParse(raw);
  if (!parsed.success) {
    return {
      error: `the dispatch's metadata must be {"agentIdentity": "…"}: ${parsed.error.issues[0]?.message}`,
    };
  }
  return parsed.data;
}

/** The attributes the face joins with. */
export function faceAttributes(request: FaceRequest): Record<string, string> {
  return { [PUBLISH_ON_BEHALF]: request.agentIdentity };
}
