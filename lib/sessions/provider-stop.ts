import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import type { AvatarProvider } from "@/lib/providers/types";
import { retry } from "@/lib/retry";

import { nextStopAttemptAt } from "./backoff";
import { LostClaim, underClaim, updateUnderClaim } from "./claim";
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
 *
 * Every write is fenced by the claim `row` was taken under (claim.ts): should this process stall
 * past the lease and another take the session over (and perhaps resume it), nothing written
 * here lands, and the row is answered as the other left it.
 */
export async function stopAtProvider(
  deps: SessionDeps,
  db: PrismaClient,
  row: Session,
  reason: EndReason | null,
): Promise<Session> {
  const endReason = row.endReason ?? reason;
  if (!row.endReason && endReason) {
    await db.session.updateMany({
      where: { ...underClaim(row), endReason: null },
      data: { endReason },
    });
  }
  const providerSessionId = row.providerSessionId;
  const provider = deps.providerFor(row.provider);
  let attempts = row.stopAttempts;
  try {
    if (!provider) throw notConfigured(row.provider);
    if (providerSessionId) {
      await retry(
        async () => {
          const counted = await updateUnderClaim(db, row, { stopAttempts: { increment: 1 } });
          if (!counted) throw new LostClaim(row.id);
          attempts += 1;
          await stopOrConfirmEnded(provider, providerSessionId);
        },
        {
          attempts: deps.settings.stopAttempts,
          baseDelayMs: deps.settings.stopRetryBaseMs,
          shouldRetry: (error) =>
            !(error instanceof LostClaim) && (!isProviderError(error) || error.retryable),
        },
      );
    }
  } catch (error) {
    if (error instanceof LostClaim) return lostClaim(db, row);
    console.error(`Provider stop failed for ${row.id}; left STOP_FAILED for the sweeper`, error);
    if (attempts >= STOP_ALERT_ATTEMPTS) {
      // Still billing, or at least not known to have stopped: a person should look.
      console.error(
        `ALERT: session ${row.id} (${row.provider} ${providerSessionId ?? "id unknown"}) ` +
          `has failed ${attempts} stop attempts and may still be billing; see /api/admin/sessions`,
      );
    }
    const failed = await updateUnderClaim(db, row, {
      status: "STOP_FAILED",
      lastProviderError: describeError(error),
      nextStopAttemptAt: nextStopAttemptAt(deps.settings, attempts),
      stopClaimedAt: null,
    });
    return failed ?? lostClaim(db, row);
  }

  const stopped = await recordStopped(db, row, endReason);
  if (!stopped) return lostClaim(db, row);
  // Once per provider session: only the stop that recorded it gets here.
  if (providerSessionId) await keepProviderTranscript(deps, db, row);
  return stopped;
}

/** Another process took the claim over: the row is as it left it, and this one writes nothing. */
async function lostClaim(db: PrismaClient, row: Session): Promise<Session> {
  console.warn(new LostClaim(row.id).message);
  return db.session.findUniqueOrThrow({ where: { id: row.id } });
}

/**
 * The provider session is stopped, so its segment is over. Ends the session, or pauses it when
 * that was asked (a null reason) and no reason to end it has come since. Null when the claim
 * was lost: then neither the row nor the segment is written.
 */
async function recordStopped(
  db: PrismaClient,
  row: Session,
  reason: EndReason | null,
): Promise<Session | null> {
  const stoppedAt = new Date();
  const { segment, billedSeconds } = closeSegment(row, stoppedAt);
  const closing = {
    billedSeconds,
    segmentStartedAt: null,
    stopClaimedAt: null,
    nextStopAttemptAt: null,
  };
  const ended = {
    ...closing,
    endedAt: stoppedAt,
    durationSeconds: billedSeconds,
  };
  return db.$transaction(async (tx) => {
    let recorded: Session | null;
    if (reason === null) {
      const [paused] = await tx.session.updateManyAndReturn({
        where: { ...underClaim(row), endReason: null },
        data: { ...closing, status: "PAUSED" },
      });
      // Someone asked for the end while the provider was stopping: it ends instead.
      recorded = paused ?? (await updateUnderClaim(tx, row, { ...ended, status: "ENDED" }));
    } else {
      recorded = await updateUnderClaim(tx, row, {
        ...ended,
        // A start that failed after the provider session existed stays FAILED once stopped.
        status: reason === "start_failed" ? "FAILED" : "ENDED",
      });
    }
    // The unique key keeps a provider session's seconds from ever being counted twice.
    if (recorded && segment) {
      await tx.sessionSegment.createMany({ data: [segment], skipDuplicates: true });
    }
    return recorded;
  });
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
