// The contract between the local provider and the Jeremy worker: what a dispatched job is told.
// Kept free of server-only imports so the worker can share it.

export const LOCAL_PROFILES = ["interviewer", "echo"] as const satisfies readonly [
  string,
  ...string[],
];

export type LocalProfile = (typeof LOCAL_PROFILES)[number];

export const AVATAR = { identity: "jeremy", name: "Jeremy" } as const;

export interface JeremyJobMetadata {
  sessionId: string;
  profile: string;
  context: string | null;
  userName: string | null;
  maxDurationSeconds: number;
}
