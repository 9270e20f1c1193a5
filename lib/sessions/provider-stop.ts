import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import type { AvatarProvider } from "@/lib/providers/types";
import { retry } from "@/lib/retry";

import { nextStopAttemptAt } from "./backoff";
import { describeError } from "./provider-failure";
import { keepProviderTranscript } from "./provider-transcript";
import { closeSegment } from "./segments";
import type { EndReason, SessionDeps } from "./types";

/**
 * Calls the provider's stop, with bounded retries, for a session this process has claimed, and
 * records the outcome. A stop that keeps failing leaves the row STOP_FAILED with the error and
 * the time a sweep should try again, so the provider's bill is never forgotten. The reason is
 * recorded first and never written again here: a reason given meanwhile (stop.ts) stands.
 *
 * A null reason is a pause (pause.ts): the same stop, after which the session is PAUSED rather
 * than ENDED, unless someone asked for it to end meanwhile.
 */
export async function stopAtProvider(
  deps: SessionDeps,
  db: PrismaClient,
  row: Session,
  reason: EndReason | null,
): Promise<Session> {
  const endReason = row.endReason ?? reason;
  if (!row.endReason && endReason) {
    await db.session.updateMany({ where: { id: row.id, endReason: null }, data: { endReason } });
  }
  const providerSessionId = row.providerSessionId;
  const provider = deps.providerFor(row.provider);
  let attempts = row.stopAttempts;
  try {
    if (!provider) throw notConfigured(row.provider);
    if (providerSessionId) {
      await retry(
        async () => {
          await db.session.update({
            where: { id: row.id },
            data: { stopAttempts: { increment: 1 } },
          });
          attempts += 1;
          await stopOrConfirmEnded(provider, providerSessionId);
        },
        {
          attempts: deps.settings.stopAttempts,
          baseDelayMs: deps.settings.stopRetryBaseMs,
          shouldRetry: (error) => !isProviderError(error) || error.retryable,
        },
      );
    }
  } catch (error) {
    console.error(`Provider stop failed for ${row.id}; left STOP_FAILED for the sweeper`, error);
    if (attempts >= STOP_ALERT_ATTEMPTS) {
      // Still billing, or at least not known to have stopped: a person should look.
      console.error(
        `ALERT: session ${row.id} (${row.provider} ${providerSessionId ?? "id unknown"}) ` +
          `has failed ${attempts} stop attempts and may still be billing; see /api/admin/sessions`,
      );
    }
    return db.session.update({
      where: { id: row.id },
      data: {
        status: "STOP_FAILED",
        lastProviderError: describeError(error),
        nextStopAttemptAt: nextStopAttemptAt(deps.settings, attempts),
        stopClaimedAt: null,
      },
    });
  }

  const stopped = await recordStopped(db, row, endReason);
  // Once per provider session: only the stop that recorded it gets here.
  if (providerSessionId) await keepProviderTranscript(deps, db, row);
  return stopped;
}

/**
 * The provider session is stopped, so its segment is over. Ends the session, or pauses it when
 * that was asked (a null reason) and no reason to end it has come since.
 */
async function recordStopped(db: PrismaClient, row: Session, reason: EndReason | null) {
  const stoppedAt = new Date();
  const { segment, billedSeconds } = closeSegment(row, stoppedAt);
  const closing = {
    billedSeconds,
    segmentStartedAt: null,
    stopClaimedAt: null,
    nextStopAttemptAt: null,
  };
  const recordSegment = segment ? [db.sessionSegment.create({ data: segment })] : [];
  if (reason === null) {
    const [paused] = await db
      .$transaction([
        db.session.updateManyAndReturn({
          where: { id: row.id, endReason: null },
          data: { ...closing, status: "PAUSED" },
        }),
        ...recordSegment,
      ])
      .then(([rows]) => rows);
    if (paused) return paused;
    // Someone asked for the end while the provider was stopping: it ends instead.
    return db.session.update({
      where: { id: row.id },
      data: { ...closing, status: "ENDED", endedAt: stoppedAt, durationSeconds: billedSeconds },
    });
  }
  const [ended] = await db.$transaction([
    db.session.update({
      where: { id: row.id },
      data: {
        ...closing,
        // A start that failed after the provider session existed stays FAILED once stopped.
        status: reason === "start_failed" ? "FAILED" : "ENDED",
        endedAt: stoppedAt,
        durationSeconds: billedSeconds,
      },
    }),
    ...recordSegment,
  ]);
  return ended;
}

/** Failed stop attempts after which each further failure logs an ALERT line. */
export const STOP_ALERT_ATTEMPTS = 10;

/**
 * Stops a provider session. When the provider refuses (a 4xx other than "not found"), asks it
 * for the session's state: one it reports ended needs no stop; anything else may still bill.
 */
async function stopOrConfirmEnded(provider: AvatarProvider, providerSessionId: string) {
  try {
    await provider.stop(providerSessionId);
  } catch (error) {
    if (!isProviderError(error) || error.retryable) throw error;
    const state = await provider
      .get(providerSessionId)
      .then((found) => found.state)
      .catch(() => "unknown");
    if (state !== "ended") throw error;
  }
}

function notConfigured(name: string) {
  return new ProviderError(
    "error",
    `The ${name} provider that started this session is not configured here; set its ` +
      `variables so the session can be stopped (until then it stays open).`,
  );
}
