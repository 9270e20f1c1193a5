import { AppError } from "@/lib/errors";
import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import { knowledgeTopics } from "@/lib/knowledge/topics";
import { publicTools, sessionTools } from "@/lib/tools/store";
import { isProviderError } from "@/lib/providers/errors";
import type {
  AvatarProvider,
  ProviderConnection,
  ProviderResume,
  ProviderStartResult,
} from "@/lib/providers/types";

import { facesOffered } from "./faces";
import { publicBases, stillPublic } from "./knowledge";
import { newSessionId } from "./ids";
import { createRowWithinLimits } from "./limits";
import { hashOwnerKey } from "./owner";
import { stopAtProvider } from "./provider-stop";
import { describeError, providerFailureToAppError } from "./provider-failure";
import { remainingSeconds } from "./segments";
import type { Requester, SessionDeps, StartSessionInput } from "./types";
import { toSessionView, type SessionView } from "./view";

export interface StartedSession {
  session: SessionView;
  connection: ProviderConnection;
}

/** Starts a session: ledger row STARTING, provider start, then ACTIVE (or FAILED). */
export async function startSession(
  deps: SessionDeps,
  input: StartSessionInput,
  requester: Requester,
): Promise<StartedSession> {
  const { provider, settings } = deps;
  const profile = input.profile ?? provider.profiles[0];
  if (!provider.profiles.includes(profile)) {
    throw new AppError(
      "BAD_REQUEST",
      `Invalid request: profile: "${profile}" is not available; choose one of ${provider.profiles.join(", ")}.`,
    );
  }

  const db = await deps.db();
  const knowledge = await publicBases(db, input.knowledge ?? []);
  const tools = await publicTools(db, input.tools ?? []);
  const face = input.face ?? provider.faces[0];
  if (input.face !== undefined) {
    const faces = await facesOffered(db, provider);
    if (!faces.includes(face)) {
      throw new AppError(
        "BAD_REQUEST",
        `Invalid request: face: "${face}" is not available here; choose one of ${faces.join(", ")}.`,
      );
    }
  }
  const row = await createRowWithinLimits(
    db,
    settings.startLimit,
    {
      id: newSessionId(),
      provider: provider.name,
      profile,
      face,
      knowledgeBaseIds: knowledge,
      toolIds: tools,
      context: input.context ?? null,
      userName: input.userName ?? null,
      ownerKeyHash: hashOwnerKey(requester.ownerKey),
      clientKey: requester.clientKey,
      maxDurationSeconds: settings.maxDurationSeconds,
    },
    provider.workerAgentName,
  );
  return launch(deps, db, provider, row);
}

/**
 * Starts the provider session of a STARTING row (a new session, or a paused one resuming) and
 * makes the row ACTIVE; a failed start leaves it FAILED, and a stop asked for meanwhile is
 * honoured once the provider has answered.
 */
export async function launch(
  deps: SessionDeps,
  db: PrismaClient,
  provider: AvatarProvider,
  row: Session,
  resume?: ProviderResume,
): Promise<StartedSession> {
  const { settings } = deps;
  let started: ProviderStartResult;
  try {
    const bases = await stillPublic(db, row.knowledgeBaseIds);
    const knowledge = bases.length > 0 ? { topics: await knowledgeTopics(db, bases) } : undefined;
    const tools = await sessionTools(db, row.toolIds);
    started = await provider.start({
      sessionId: row.id,
      profile: row.profile,
      face: row.face,
      context: row.context,
      userName: row.userName,
      maxDurationSeconds: remainingSeconds(row, new Date()),
      resume,
      knowledge,
      tools: tools.length > 0 ? tools : undefined,
    });
  } catch (error) {
    const endedAt = new Date();
    await db.session.update({
      where: { id: row.id },
      data: {
        status: "FAILED",
        endReason: "start_failed",
        endedAt,
        // A resume that fails keeps what the earlier segments billed.
        durationSeconds: row.billedSeconds,
        lastProviderError: describeError(error),
        nextStopAttemptAt: mayHaveStarted(error)
          ? new Date(endedAt.getTime() + settings.sweep.startingTimeoutSeconds * 1000)
          : null,
      },
    });
    throw providerFailureToAppError(error);
  }

  let active: Session | null;
  try {
    active = await activate(db, row, started);
  } catch (error) {
    // The ledger cannot record the session, so it must not keep running at the provider.
    await provider.stop(started.providerSessionId).catch((stopError: unknown) => {
      console.error(
        `Could not stop ${started.providerSessionId} after a ledger failure`,
        stopError,
      );
    });
    throw error;
  }
  if (!active) {
    // A stop was asked for while the provider was starting (or a sweep gave the start up).
    await abandonStartedSession(deps, db, row, started.providerSessionId);
    throw new AppError("CONFLICT", "The session was ended while it was starting.");
  }
  return { session: toSessionView(active), connection: started.connection };
}

/**
 * Whether a failed start may still have left a session running at the provider: anything but
 * a refusal may (a time-out, an outage, a 5xx, a 2xx whose body we could not use, a crash of
 * ours). For those, sweeps look for the session by our id once the provider has had time to
 * settle, and again with backoff (see orphans.ts).
 */
function mayHaveStarted(error: unknown): boolean {
  return !isProviderError(error) || !error.refused;
}

/**
 * STARTING → ACTIVE, unless a stop was asked for or a sweep ended the row meanwhile. The new
 * segment bills from now.
 */
async function activate(db: PrismaClient, row: Session, started: ProviderStartResult) {
  const now = new Date();
  const [active] = await db.session.updateManyAndReturn({
    where: { id: row.id, status: "STARTING", endReason: null },
    data: {
      status: "ACTIVE",
      providerSessionId: started.providerSessionId,
      avatarIdentity: started.avatar.identity,
      avatarName: started.avatar.name,
      startedAt: row.startedAt ?? now,
      segmentStartedAt: now,
      lastSeenAt: now,
      pausedAt: null,
    },
  });
  return active ?? null;
}

/** The provider session exists but the ledger moved on: record it and stop it. */
async function abandonStartedSession(
  deps: SessionDeps,
  db: PrismaClient,
  starting: Session,
  providerSessionId: string,
): Promise<Session> {
  const now = new Date();
  const row = await db.session.update({
    where: { id: starting.id },
    data: {
      providerSessionId,
      startedAt: starting.startedAt ?? now,
      segmentStartedAt: now,
      // The start's own claim, fencing out any sweep that took the row meanwhile.
      stopClaimedAt: now,
      stopClaim: { increment: 1 },
    },
  });
  return stopAtProvider(deps, db, row, row.endReason ?? "start_failed");
}
