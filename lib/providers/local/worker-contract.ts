// The contract between the app and the Jeremy worker: what a dispatched job is told, and how
// the worker reports the transcript back. Free of server-only imports: the worker shares it.

export const LOCAL_PROFILES = ["interviewer", "echo"] as const satisfies readonly [
  string,
  ...string[],
];

export type LocalProfile = (typeof LOCAL_PROFILES)[number];

export const AVATAR = { identity: "jeremy", name: "Jeremy" } as const;

/** Job metadata the local provider dispatches the worker with. */
export interface JeremyJobMetadata {
  sessionId: string;
  profile: string;
  context: string | null;
  userName: string | null;
  maxDurationSeconds: number;
}

/**
 * The worker authenticates its report with a LiveKit token (signed with the same API key and
 * secret) whose identity is this and whose room grant names the session.
 */
export const WORKER_REPORT_IDENTITY = "jeremy-worker";

export interface TranscriptLineReport {
  /** Position in the conversation; a line sent twice is stored once. */
  seq: number;
  role: "assistant" | "user";
  text: string;
  /** ISO 8601 time the line was said. */
  at: string;
}

/** Where the worker sends a session's transcript, relative to the app's URL. */
export function transcriptReportPath(sessionId: string): string {
  return `/api/worker/sessions/${encodeURIComponent(sessionId)}/transcript`;
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
}

/** Seconds between a worker's reports; one not heard from in three times this has gone. */
export const CAPACITY_REPORT_SECONDS = 10;
