// The one interface every avatar provider implements. Nothing outside lib/providers imports a
// vendor module; the session service sees only these types.

import type { ToolSpec } from "@/lib/contract";

import type * as registry from "./registry";

/** The registered providers' names (./registry.ts). */
export type ProviderName = (typeof registry)[keyof typeof registry]["name"];

export interface ProviderStartInput {
  /** Our public session id; providers use it as a tag so a lost session can still be found. */
  sessionId: string;
  profile: string;
  /** The face the session shows, one of the provider's faces. */
  face: string;
  context: string | null;
  userName: string | null;
  /** Talking time left: the whole maximum for a start, what is left of it for a resume. */
  maxDurationSeconds: number;
  /** Set when a paused session resumes: the provider carries the conversation on. */
  resume?: ProviderResume;
  /** Set when the session searches knowledge bases: what they are about. */
  knowledge?: ProviderKnowledge;
  /** Set when the session enabled operator tools: the functions its model may call. */
  tools?: ToolSpec[];
}

/** A session's knowledge as a provider is told of it (the search itself is the app's). */
export interface ProviderKnowledge {
  /** The bases' section headings, first first (lib/knowledge/topics.ts). */
  topics: string[];
}

/** A resumed session's past: its new provider session takes the conversation on from there. */
export interface ProviderResume {
  /** Which billed stretch this is: 2 for the first resume. */
  segment: number;
  /** What was said so far, in order. */
  history: HistoryLine[];
  /**
   * The transcript position new lines start from: after every line kept, the history's and any
   * other (a tool's line, which the history leaves out).
   */
  nextSeq: number;
}

export interface HistoryLine {
  /** The line's position in the session's transcript. */
  seq: number;
  role: "user" | "assistant";
  text: string;
}

/** One line of what was said, as a provider keeps it. */
export interface ProviderTranscriptLine {
  role: "user" | "assistant";
  text: string;
  /** ISO time it was said. */
  at: string;
}

/** What the browser needs to join the conversation's LiveKit room. */
export interface ProviderConnection {
  serverUrl: string;
  participantToken: string;
  participantIdentity: string;
}

export interface ProviderStartResult {
  providerSessionId: string;
  connection: ProviderConnection;
  avatar: { identity: string; name: string };
}

export type ProviderSessionState = "starting" | "active" | "ended";

export interface ProviderHealth {
  ok: boolean;
  /** What is missing or down, in words an operator can act on. */
  detail?: string;
}

/** A provider's own avatar, as the landing page shows it. */
export interface AvatarLook {
  name: string;
  /** An absolute http(s) URL, or null when there is no picture to show. */
  portraitUrl: string | null;
}

export interface AvatarProvider {
  readonly name: ProviderName;
  /** Conversation profiles this provider can run; the first is the default. */
  readonly profiles: readonly [string, ...string[]];
  /**
   * The faces its sessions may show (lib/faces/), the first the default. An id outside the
   * catalog is the provider's own avatar (an Equos character): look() names and pictures it.
   */
  readonly faces: readonly [string, ...string[]];
  /**
   * The agent name of the workers that run this provider's avatars and report their capacity
   * (the local worker); a start is then refused while none has room. Unset: the provider
   * manages its own capacity.
   */
  readonly workerAgentName?: string;
  /**
   * Whether its avatar takes turns by hold to talk: the page then offers it, and the person's
   * turn is committed when they release (lib/contract.ts). Unset: the option is hidden.
   */
  readonly holdToTalk?: boolean;
  /** Starts a billed session. Must not leave a provider session running if it throws. */
  start(input: ProviderStartInput): Promise<ProviderStartResult>;
  /** Stops a session. Idempotent: stopping an ended session succeeds. */
  stop(providerSessionId: string): Promise<void>;
  /** The session's state as the provider sees it: asked when the provider refuses a stop. */
  get(providerSessionId: string): Promise<{ state: ProviderSessionState }>;
  /**
   * Provider sessions still running (or starting) that were started for our session
   * `sessionId`, across every page of the provider's list: how a sweep finds a session whose
   * start never told us its id. Required: a provider that cannot find its sessions cannot
   * promise that they end.
   */
  findRunning(sessionId: string): Promise<string[]>;
  health(): Promise<ProviderHealth>;
  /**
   * What was said in a provider session, for providers that keep it (Equos): read once the
   * session has stopped, into the ledger. Unset: the avatar agent reports it (the local worker).
   */
  transcript?(providerSessionId: string): Promise<ProviderTranscriptLine[]>;
  /** The provider's own avatar's name and picture (an Equos character); unset: the drawn one. */
  look?(): Promise<AvatarLook>;
}
