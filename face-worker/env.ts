// The face worker's one view of its environment. It may run on other machines than the brain,
// and for any LiveKit agent, so it validates its own variables; with none set it joins
// `npm run dev`'s LiveKit server.
import { z } from "zod";

/** Every variable the face worker reads. */
export const faceVariables = z.object({
  LIVEKIT_URL: z.url({ protocol: /^(wss?|https?)$/ }).default("ws://127.0.0.1:7880"),
  LIVEKIT_API_KEY: z.string().min(1).default("devkey"),
  LIVEKIT_API_SECRET: z.string().min(1).default("talk-to-jeremy-dev-secret-not-for-production"),
  /**
   * Where the app is reachable from this worker: the face reports its capacity there, as the
   * brain does, so the app starts a conversation only while a face has room.
   */
  APP_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
  /** The name agents dispatch a face by. */
  FACE_AGENT_NAME: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .default("jeremy-face"),
  /** Faces one worker draws at once before LiveKit sends jobs to another. */
  FACE_MAX_SESSIONS: z.coerce.number().int().min(1).max(64).default(4),
  /** Port of the face worker's health endpoint (the brain's is 8081). */
  FACE_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(8082),
  /** Frames per second of the face's video. */
  FACE_FPS: z.coerce.number().int().min(10).max(60).default(25),
});

export type FaceEnv = z.infer<typeof faceVariables>;

/** Reads and checks the face worker's variables; throws naming any bad one. */
export function readFaceEnv(source: Record<string, string | undefined> = process.env): FaceEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = faceVariables.safeParse(cleaned);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment variables for the face worker:\n${lines.join("\n")}`);
}
