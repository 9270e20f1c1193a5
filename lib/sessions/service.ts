import type { CapacityReport } from "@/lib/contract";
import { roomNameFor, sessionIdOfRoom } from "@/lib/livekit/rooms";
import type { Session } from "@/lib/generated/prisma/client";

import { claimAvatarJob } from "./avatar-job";
import { recordWorkerCapacity } from "./capacity";
import { touchSession } from "./heartbeat";
import { findOwnedSession, findSession } from "./lookup";
import { isPausing, pauseSession } from "./pause";
import { resumeSession } from "./resume";
import { startSession, type StartedSession } from "./start";
import { createStopper, keepOwnersReason } from "./stop";
import { sweepSessions, type SweepOptions, type SweepReport } from "./sweep";
import {
  type IndexedLine,
  readTranscript,
  recordTranscript,
  type RefusedLine,
  type TranscriptView,
} from "./transcript";
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
  /**
   * Pauses the owner's session: the provider session stops, the session stays resumable. The
   * view may still be ACTIVE (or STOP_FAILED) while the provider's stop is retried.
   */
  pause(id: string, ownerKey: string | undefined): Promise<SessionView>;
  /**
   * Resumes the owner's paused session with a new provider session, counted as a start of the
   * client (`clientKey`) asking; answers like a start.
   */
  resume(id: string, ownerKey: string | undefined, clientKey: string): Promise<StartedSession>;
  /** What was said in the owner's session, in order. */
  transcript(id: string, ownerKey: string | undefined): Promise<TranscriptView>;
  /** Stops a session on the server's own authority (sweeper, webhooks, admin). */
  stopById(id: string, reason: EndReason): Promise<Session | null>;
  /**
   * The person left a session's room (or the room closed): stops the session (user_left).
   * `identity` is who left, if known; the avatar leaving is not the person leaving, and a room
   * the session no longer runs in (one it paused, or left behind when it resumed) is not the
   * session's. Null when no session runs in that room.
   */
  userLeft(room: string, identity?: string): Promise<Session | null>;
  /** Ends abandoned sessions and retries failed stops; safe to run anywhere, any number of times. */
  sweep(options?: SweepOptions): Promise<SweepReport>;
  /** Keeps an avatar worker's report of how many conversations it takes. */
  recordWorkerCapacity(report: CapacityReport): Promise<void>;
  /**
   * Gives the session's current room to one avatar job; any other job asking for it is refused
   * (409), and leaves (lib/sessions/avatar-job.ts).
   */
  claimAvatarJob(id: string, room: string, jobId: string): Promise<void>;
  /** Stores transcript lines reported by the avatar worker. */
  recordTranscript(
    id: string,
    lines: IndexedLine[],
  ): Promise<{ stored: number; refused: RefusedLine[] }>;
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
      return toSessionView(await keepOwnersReason(db, await stopper.stop(db, row, reason), reason));
    },

    stopById,

    async pause(id, ownerKey) {
      const db = await deps.db();
      return toSessionView(
        await pauseSession(db, stopper, await findOwnedSession(db, id, ownerKey)),
      );
    },

    async resume(id, ownerKey, clientKey) {
      const db = await deps.db();
      return resumeSession(deps, db, await findOwnedSession(db, id, ownerKey), clientKey);
    },

    async transcript(id, ownerKey) {
      const db = await deps.db();
      return readTranscript(db, await findOwnedSession(db, id, ownerKey));
    },

    async userLeft(room, identity) {
      const db = await deps.db();
      const row = await findSession(db, sessionIdOfRoom(room));
      if (!row) return null;
      if (identity !== undefined && identity === row.avatarIdentity) return row;
      // A paused session's room is gone on purpose, and a resumed one runs in a new room.
      if (row.status === "PAUSED" || isPausing(row)) return row;
      const over = await db.sessionSegment.count({ where: { sessionId: row.id } });
      if (room !== roomNameFor(row.id, over + 1)) return row;
      return stopper.stop(db, row, "user_left");
    },

    sweep: (options) => sweepSessions(deps, stopper, options),

    async recordWorkerCapacity(report) {
      await recordWorkerCapacity(await deps.db(), report);
    },

    async claimAvatarJob(id, room, jobId) {
      await claimAvatarJob(await deps.db(), id, room, jobId);
    },

    async recordTranscript(id, lines) {
      return recordTranscript(await deps.db(), id, lines);
    },
  };
}
