// What the page, the server and any avatar agent in the room share, in one place. Free of
// server-only imports: the browser bundle and the worker both use it.
import type { EndReason } from "@/lib/generated/prisma/enums";

/** LiveKit text-stream topics: the user's typed turns, and the avatar's captions. */
export const TOPICS = { chat: "lk.chat", transcription: "lk.transcription" } as const;

/** The longest typed turn (and transcript line) anyone accepts, in characters. */
export const MAX_TYPED_TURN_CHARACTERS = 2000;

/** Participant attribute: "true" when the person prefers reduced motion (the avatar keeps still). */
export const REDUCED_MOTION_ATTRIBUTE = "jeremy.reduced-motion";

/**
 * The avatar's participant attribute: "false" while it runs as the offline demo (a scripted
 * conversation, not hearing the words), "true" when it understands what is said. Absent: the
 * provider does not say (the page then says nothing about it).
 */
export const AVATAR_LISTENING_ATTRIBUTE = "jeremy.listening";

/**
 * Set by the avatar agent on its own participant when the face the session chose could not be
 * had (a vendor refused or failed to start its avatar): the page then ends the session as
 * `face_failed`, at once, rather than wait for a face that will not come.
 */
export const FACE_FAILED_ATTRIBUTE = "jeremy.face_failed";

/**
 * Set by the page on the person's participant to "hold" when they take turns by holding a
 * button (hold to talk): the avatar then never decides from silence that a turn is over.
 */
export const TURN_MODE_ATTRIBUTE = "jeremy.turns";

/**
 * RPC methods the page calls on the avatar in hold-to-talk mode: the person pressed (Jeremy stops
 * talking and listens afresh), and released (what they said is their turn, answered at once).
 */
export const HOLD_TO_TALK_RPC = { start: "jeremy.turn.start", end: "jeremy.turn.end" } as const;

/**
 * LiveKit's attribute on an avatar participant: the identity of the agent it shows and voices
 * (LiveKit's avatar protocol; @livekit/components-react's agent hooks look for it).
 */
export const PUBLISH_ON_BEHALF_ATTRIBUTE = "lk.publish_on_behalf";

/** Reasons a browser may give for ending its own session; the server records the others. */
export const CLIENT_STOP_REASONS = [
  "hangup",
  "page_closed",
  "avatar_timeout",
  "avatar_left",
  "face_failed",
  "max_duration",
] as const satisfies readonly EndReason[];

export type StopReason = (typeof CLIENT_STOP_REASONS)[number];

// ── An avatar agent's reports to the app (the Jeremy worker's, or any agent built like it) ──

/**
 * The worker authenticates its report with a LiveKit token (signed with the same API key and
 * secret) whose identity is this and whose room grant names the session.
 */
export const WORKER_REPORT_IDENTITY = "jeremy-worker";

export interface TranscriptLineReport {
  /** Position in the conversation; a line sent twice is stored once. */
  seq: number;
  /** `tool`: a function tool the model called, and its outcome (shown to operators only). */
  role: "assistant" | "user" | "tool";
  text: string;
  /** ISO 8601 time the line was said. */
  at: string;
}

/** The largest transcript report the app reads; the worker splits its backlog to fit. */
export const TRANSCRIPT_BODY_MAX_BYTES = 2 * 1024 * 1024;
/** The most lines one transcript report may carry. */
export const TRANSCRIPT_BATCH_MAX_LINES = 2000;
/** The longest transcript line the app takes, in characters. */
export const TRANSCRIPT_LINE_MAX_CHARACTERS = 4000;

/**
 * The app's answer to a transcript report: how many lines it stored now, and which it will never
 * store (by index in the report, with why). Every other line is kept or was kept before.
 */
export interface TranscriptReportAnswer {
  stored: number;
  refused: Array<{ index: number; reason: string }>;
}

/** Where the worker sends a session's transcript, relative to the app's URL. */
export function transcriptReportPath(sessionId: string): string {
  return `/api/worker/sessions/${encodeURIComponent(sessionId)}/transcript`;
}

/**
 * Where a dispatched avatar job claims the session's room before it joins (POST, the same worker
 * token as a transcript report): 204 when the room is its own, 409 when another job has it or
 * the session wants no avatar (it leaves).
 */
export function avatarJobPath(sessionId: string): string {
  return `/api/worker/sessions/${encodeURIComponent(sessionId)}/avatar-job`;
}

/**
 * Where the avatar agent searches its session's knowledge bases (POST `{ query }`, the same
 * worker token as a transcript report) → `KnowledgeSearchAnswer`.
 */
export function knowledgeSearchPath(sessionId: string): string {
  return `/api/worker/sessions/${encodeURIComponent(sessionId)}/knowledge`;
}

/**
 * The most topics (section headings) of a session's knowledge an avatar agent is told of, and
 * the longest one (lib/knowledge/topics.ts).
 */
export const MAX_KNOWLEDGE_TOPICS = 8;
export const KNOWLEDGE_TOPIC_MAX_CHARACTERS = 80;

/** The longest knowledge search the app answers. */
export const KNOWLEDGE_QUERY_MAX_CHARACTERS = 500;

/** The app's answer to a knowledge search: the best passages first, each with its source. */
export interface KnowledgeSearchAnswer {
  passages: Array<{ text: string; heading: string | null; source: string }>;
}

/**
 * Where the avatar agent calls one of its session's operator tools (POST `{ arguments }`, the
 * same worker token as a transcript report) → `ToolCallAnswer`. The app makes the HTTP call,
 * so the tool's secret header never reaches a worker.
 */
export function toolCallPath(sessionId: string, toolName: string): string {
  return `/api/worker/sessions/${encodeURIComponent(sessionId)}/tools/${encodeURIComponent(toolName)}`;
}

/** The most operator tools one session may enable. */
export const MAX_SESSION_TOOLS = 5;
/** The most tool calls the app makes for one conversation, whatever its agent asks. */
export const TOOL_CALLS_PER_SESSION = 20;
/** An operator tool's name, as the model sees it. */
export const TOOL_NAME_PATTERN = /^[a-z][a-z0-9_]{0,47}$/;
export const TOOL_DESCRIPTION_MAX_CHARACTERS = 1_000;
/** The largest JSON Schema of a tool's arguments, and the largest arguments one call may send. */
export const TOOL_PARAMETERS_MAX_BYTES = 4_096;
export const TOOL_ARGUMENTS_MAX_BYTES = 4_096;
/** The most text of a tool's answer the app hands back (the rest is cut). */
export const TOOL_RESULT_MAX_CHARACTERS = 4_000;

/** An operator tool as a session's avatar agent is told of it (its function for the model). */
export interface ToolSpec {
  name: string;
  description: string;
  /** A JSON Schema of type "object". */
  parameters: Record<string, unknown>;
}

/** The app's answer to a tool call: the API's HTTP status and its answer as text. */
export interface ToolCallAnswer {
  status: number;
  result: string;
  /** The answer was longer than TOOL_RESULT_MAX_CHARACTERS and was cut. */
  truncated: boolean;
}

/** The body of an avatar job's claim. */
export interface AvatarJobClaim {
  /** The LiveKit room the job was dispatched to. */
  room: string;
  /** LiveKit Agents' job id. */
  jobId: string;
}

/** Where each worker reports, every few seconds, how many conversations it takes. */
export const CAPACITY_REPORT_PATH = "/api/worker/capacity";

/** A worker's capacity report. */
export interface CapacityReport {
  /** The worker process's own id, the same in every report it sends. */
  workerId: string;
  agentName: string;
  /** Conversations it takes at once (JEREMY_MAX_SESSIONS); 0 when it is going away. */
  maxSessions: number;
  activeJobs: number;
  /** Conversations it can begin at once: warm job processes, within its room. */
  readyProcesses: number;
  /**
   * A brain whose conversations each need a face worker (JEREMY_FACE=worker): that worker's
   * agent name. The app then starts a conversation only while the faces have room too.
   */
  faceAgentName?: string;
  /**
   * The hosted faces (lib/faces/, e.g. "lemonslice") this worker has the vendor's keys for and
   * can attach to a conversation; the app offers a session only these, besides its own faces.
   */
  hostedFaces?: string[];
}

/** Seconds between a worker's reports; one not heard from in three times this has gone. */
export const CAPACITY_REPORT_SECONDS = 10;
