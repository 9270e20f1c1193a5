import { randomBytes } from "node:crypto";

const SESSION_ID = /^ses_[0-9a-f]{32}$/;

/** A new public session id: "ses_" and 128 random bits, unguessable. */
export function newSessionId(): string {
  return `ses_${randomBytes(16).toString("hex")}`;
}

export function isSessionId(value: string): boolean {
  return SESSION_ID.test(value);
}
