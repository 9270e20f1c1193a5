import type { Session } from "@/lib/generated/prisma/client";
import type { TranscriptLineReport } from "@/lib/providers/local/worker-contract";

import { findOwnedSession } from "./lookup";
import { startSession, type StartedSession } from "./start";
import { createStopper } from "./stop";
import { recordTranscript } from "./transcript";
import type { EndReason, Requester, SessionDeps, StartSessionInput } from "./types";
import { toSessionView, type SessionView } from "./view";

export interface SessionService {
  start(input: StartSessionInput, requester: Requester): Promise<StartedSession>;
  /** The owner's view of a session. */
  get(id: string, ownerKey: string | undefined): Promise<SessionView>;
  /** Stops a session for its owner; idempotent. */
  stop(id: string, reason: EndReason, ownerKey: string | undefined): Promise<SessionView>;
  /** Stops a session on the server's own authority (sweeper, webhooks, admin). */
  stopById(id: string, reason: EndReason): Promise<Session | null>;
  /** Stores transcript lines reported by the avatar worker. */
  recordTranscript(id: string, lines: TranscriptLineReport[]): Promise<{ stored: number }>;
}

/** The only writer of session state. Route handlers, sweeps and webhooks all go through it. */
export function createSessionService(deps: SessionDeps): SessionService {
  const stopSession = createStopper(deps);

  return {
    start: (input, requester) => startSession(deps, input, requester),

    async get(id, ownerKey) {
      return toSessionView(await findOwnedSession(await deps.db(), id, ownerKey));
    },

    async stop(id, reason, ownerKey) {
      const db = await deps.db();
      const row = await findOwnedSession(db, id, ownerKey);
      return toSessionView(await stopSession(db, row, reason));
    },

    async stopById(id, reason) {
      const db = await deps.db();
      const row = await db.session.findUnique({ where: { id } });
      return row ? stopSession(db, row, reason) : null;
    },

    async recordTranscript(id, lines) {
      return recordTranscript(await deps.db(), id, lines);
    },
  };
}
