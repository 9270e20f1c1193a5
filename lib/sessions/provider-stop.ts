import type { PrismaClient, Session } from "@/lib/generated/prisma/client";
import { isProviderError } from "@/lib/providers/errors";
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
  let attempts = row.stopAttempts;
  try {
    if (providerSessionId) {
      await retry(
        async () => {
          await db.session.update({
            where: { id: row.id },
            data: { stopAttempts: { increment: 1 } },
          });
          attempts += 1;
          await deps.provider.stop(providerSessionId);
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

function secondsBetween(from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / 1000));
}
