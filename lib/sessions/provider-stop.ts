import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import type { AvatarProvider } from "@/lib/providers/types";
import { retry } from "@/lib/retry";

import { nextStopAttemptAt } from "./backoff";
import { describeError } from "./provider-failure";
import type { EndReason, SessionDeps } from "./types";

/**
 * Calls the provider's stop, with bounded retries, for a session this process has claimed, and
 * records the outcome. A stop that keeps failing leaves the row STOP_FAILED with the error and
 * the time a sweep should try again, so the provider's bill is never forgotten. The reason is
 * recorded first and never written again here: a reason given meanwhile (stop.ts) stands.
 */
export async function stopAtProvider(
  deps: SessionDeps,
  db: PrismaClient,
  row: Session,
  reason: EndReason,
): Promise<Session> {
  const endReason = row.endReason ?? reason;
  if (!row.endReason) {
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

  const endedAt = new Date();
  return db.session.update({
    where: { id: row.id },
    data: {
      // A start that failed after the provider session existed stays FAILED once stopped.
      status: endReason === "start_failed" ? "FAILED" : "ENDED",
      endedAt,
      durationSeconds: row.startedAt ? secondsBetween(row.startedAt, endedAt) : 0,
      stopClaimedAt: null,
      nextStopAttemptAt: null,
    },
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

function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 1000));
}
