// What the local provider tells the Jeremy worker it dispatches: the profiles it plays, its
// identity in the room and the job's metadata. Free of server-only imports: the worker shares it.
// (How any avatar agent reports back to the app is in lib/contract.ts.)
import { BRAND } from "@/lib/brand";
import type { ToolSpec } from "@/lib/contract";
import { recentHistory } from "@/lib/providers/history";
import type { HistoryLine } from "@/lib/providers/types";

export const LOCAL_PROFILES = ["interviewer", "echo"] as const satisfies readonly [
  string,
  ...string[],
];

export type LocalProfile = (typeof LOCAL_PROFILES)[number];

/** The faces (lib/faces/) the Jeremy worker shows; the first is the default. */
export const LOCAL_FACES = ["jeremy"] as const satisfies readonly [string, ...string[]];

export const AVATAR = { identity: "jeremy", name: BRAND.avatarName } as const;

/**
 * True for a room the app names for a session ("ses_" and 32 hex digits, then ".2", ".3"… for a
 * resumed stretch). Any other room dispatched to Jeremy was made by someone else (LiveKit's own
 * starters, another app): it has no session in the ledger.
 */
export function isSessionRoom(room: string): boolean {
  return /^ses_[0-9a-f]{32}(\.[1-9][0-9]{0,3})?$/.test(room);
}

/**
 * Metadata of every room the local provider creates. A room without it was not made by the app:
 * typically a join brought back a room the app had already deleted (LiveKit creates rooms on
 * join), and the worker leaves it at once rather than wait there for nobody.
 */
export const LOCAL_ROOM_METADATA = JSON.stringify({ createdBy: "talk-to-jeremy" });

/** Job metadata the local provider dispatches the worker with. */
export interface JeremyJobMetadata {
  sessionId: string;
  profile: string;
  /** The face the session shows (one of LOCAL_FACES). */
  face: string;
  context: string | null;
  userName: string | null;
  /** Talking time left in the session. */
  maxDurationSeconds: number;
  /** Set when the session was paused and resumes: Jeremy welcomes the person back. */
  resumed?: ResumedConversation;
  /**
   * Set when the session has knowledge bases: with a model, Jeremy searches them through the app
   * (knowledgeSearchPath); offline, the scripted interviewer asks about their topics.
   */
  knowledge?: { topics: string[] };
  /**
   * Set when the session enabled operator tools: Jeremy's model may call them, each through the
   * app (toolCallPath), which makes the HTTP call.
   */
  tools?: ToolSpec[];
}

export interface ResumedConversation {
  /** The latest of what was said so far (see recentHistory), oldest first. */
  history: HistoryLine[];
  /** The transcript position the new lines start from, after every line already kept. */
  nextSeq: number;
}

/** What a resumed job is told: the recent history, and where its transcript carries on. */
export function resumedFrom(history: HistoryLine[], nextSeq: number): ResumedConversation {
  return { history: recentHistory(history), nextSeq };
}
