import type { CapacityReport, TranscriptLineReport } from "@/lib/contract";
import type { Session } from "@/lib/generated/prisma/client";

import { recordWorkerCapacity } from "./capacity";
import { touchSession } from "./heartbeat";
import { findOwnedSession, findSession } from "./lookup";
import { startSession, type StartedSession } from "./start";
import { createStopper } from "./stop";
import { sweepSessions, type SweepOptions, type SweepReport } from "./sweep";
import { recordTranscript } from "./transcript";
import type { EndReason, Requester, SessionDeps, StartSessionInput } from "./types";
import { toSessionView, type SessionView } from "./view";

export interface SessionService {
  start(input: StartSessionInput, requester: Requester): Promise<StartedSession>;
  /** The owner's view of a session. */
  get(id: string, ownerKey: string | undefined): Promise<SessionView>;
  /** The owner's page is still there: keeps an active session from being swept. */
  touch(id: string, ownerKey: string | undefined): Promise<void>;
  /**
   * Stops a session for its owner; idempotent. The view may still be open (another process is
   * stopping it, a failed stop awaits its retry, or it is still starting): ask again later.
   */
  stop(id: string, reason: EndReason, ownerKey: string | undefined): Promise<SessionView>;
  /** Stops a session on the server's own authority (sweeper, webhooks, admin). */
  stopById(id: string, reason: EndReason): Promise<Session | null>;
  /**
   * The person left the session's room (or the room closed): stops the session (user_left).
   * `identity` is who left, if known; the avatar leaving is not the person leaving. Null when
   * no session has that id.
   */
  userLeft(id: string, identity?: string): Promise<Session | null>;
  /** Ends abandoned sessions and retries failed stops; safe to run anywhere, any number of times. */
  sweep(options?: SweepOptions): Promise<SweepReport>;
  /** Keeps an avatar worker's report of how many conversations it takes. */
  recordWorkerCapacity(report: CapacityReport): Promise<void>;
  /** Stores transcript lines reported by the avatar worker. */
  recordTranscript(id: string, lines: TranscriptLineReport[]): Promise<{ stored: number }>;
}

/** The only writer of session state. Route handlers, sweeps and webhooks all go through it. */
export function createSessionService(deps: SessionDeps): SessionService {
  const stopper = createStopper(deps);

  const stopById = async (id: string, reason: EndReason) => {
    const db = await deps.db();
    const row = await findSession(db, id);
    return row ? stopper.stop(db, row, reason) : null;
  };

  return {
    start: (input, requester) => startSession(deps, input, requester),

    async get(id, ownerKey) {
      return toSessionView(await findOwnedSession(await deps.db(), id, ownerKey));
    },

    async touch(id, ownerKey) {
      const db = await deps.db();
      await touchSession(db, await findOwnedSession(db, id, ownerKey));
    },

    async stop(id, reason, ownerKey) {
      const db = await deps.db();
      const row = await findOwnedSession(db, id, ownerKey);
      return toSessionView(await stopper.stop(db, row, reason));
    },

    stopById,

    async userLeft(id, identity) {
      const db = await deps.db();
      const row = await findSession(db, id);
      if (!row) return null;
      if (identity !== undefined && identity === row.avatarIdentity) return row;
      return stopper.stop(db, row, "user_left");
    },

    sweep: (options) => sweepSessions(deps, stopper, options),

    async recordWorkerCapacity(report) {
      await recordWorkerCapacity(await deps.db(), report);
    },

    async recordTranscript(id, lines) {
      return recordTranscript(await deps.db(), id, lines);
    },
  };
}
