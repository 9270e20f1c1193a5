// The worker's one view of its environment. It runs beside the app, or on other machines, so
// it validates its own variables; with none set it joins `npm run dev`'s LiveKit server.
import { z } from "zod";

import { configuredHostedFaces, hostedFaceVariables } from "./faces";
import { modelSettings, modelVariables, type ModelSettings } from "./models/settings";

/** Every variable the worker reads (.env.example documents each one). */
export const workerVariables = z.object({
  LIVEKIT_URL: z.url({ protocol: /^(wss?|https?)$/ }).default("ws://127.0.0.1:7880"),
  LIVEKIT_API_KEY: z.string().min(1).default("devkey"),
  LIVEKIT_API_SECRET: z.string().min(1).default("talk-to-jeremy-dev-secret-not-for-production"),
  LIVEKIT_AGENT_NAME: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .default("jeremy"),
  /** Where the app is reachable from this worker, for handing over transcripts. */
  APP_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:3000"),
  /** Conversations one worker process runs at once before LiveKit sends jobs elsewhere. */
  JEREMY_MAX_SESSIONS: z.coerce.number().int().min(1).max(64).default(4),
  /** Port of the worker's health endpoint (GET / and GET /worker). */
  JEREMY_HEALTH_PORT: z.coerce.number().int().min(1).max(65535).default(8081),
  /** Job processes kept started and warmed ahead of demand (default: cores, at most 4). */
  JEREMY_IDLE_PROCESSES: z.coerce.number().int().min(1).max(16).optional(),
  /**
   * Which rooms dispatched to Jeremy get a conversation. `any`: also rooms the app did not make
   * (LiveKit's own starters, a room made with the server SDK), with the default profile, bounded
   * like any other and not in the ledger. `app`: only the app's sessions.
   */
  JEREMY_ROOMS: z.enum(["any", "app"]).default("any"),
  /**
   * Who draws and voices Jeremy. `own`: this worker, in its own participant. `worker`: a face
   * worker (face-worker/, `npm run face`) dispatched by FACE_AGENT_NAME, as its own participant
   * (LiveKit's avatar protocol); this worker then publishes no audio or video.
   */
  JEREMY_FACE: z.enum(["own", "worker"]).default("own"),
  /** The face worker's agent name (with JEREMY_FACE=worker). */
  FACE_AGENT_NAME: z
    .string()
    .regex(/^[\w-]{1,64}$/)
    .default("jeremy-face"),
  /** Frames per second of Jeremy's video. */
  JEREMY_FPS: z.coerce.number().int().min(10).max(60).default(25),
  /** The longest reply the model may write, in tokens (sent with every call): spoken replies are short. */
  LLM_MAX_TOKENS: z.coerce.number().int().min(16).max(4096).default(300),
  /**
   * Model calls one conversation may make in any minute; turns past it are not sent to the model
   * (avatar-worker/voice/turn-gate.ts). The greeting and every reply count.
   */
  LLM_MAX_CALLS_PER_MINUTE: z.coerce.number().int().min(1).max(120).default(12),
  ...modelVariables,
  ...hostedFaceVariables,
});

export type WorkerEnv = z.infer<typeof workerVariables> & {
  models: ModelSettings;
  /** The hosted faces (lib/faces/) whose vendor keys are set here: the app offers these. */
  hostedFaces: string[];
};

/** Reads and checks the worker's variables; exits with a message naming any bad one. */
export function readWorkerEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  let models: ModelSettings | undefined;
  let hostedFaces: string[] = [];
  const parsed = workerVariables
    .superRefine((values, ctx) => {
      const problem = (name: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [name], message });
      models = modelSettings(values, problem);
      hostedFaces = configuredHostedFaces(values, problem);
    })
    .safeParse(cleaned);
  if (parsed.success) return { ...parsed.data, models: models!, hostedFaces };
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid environment variables for the Jeremy worker:\n${lines.join("\n")}`);
}
