import type { PrismaClient, Session } from "@/lib/generated/prisma/client";

import { nextSearchAt, nextStopAttemptAt, orphanSearchEndsAt } from "./backoff";
import { updateUnderClaim } from "./claim";
import { describeError } from "./provider-failure";
import { stopAtProvider } from "./provider-stop";
import type { SessionDeps } from "./types";

/**
 * For a FAILED start whose provider session may exist although we never learned its id (the
 * start timed out, or the process died mid-start): asks the provider for sessions started for
 * this row, and stops them. The caller holds the row's claim; this releases it, and writes
 * nothing once another process has taken the claim over. An empty answer, or a provider that
 * cannot be asked, leaves the search due again later, with backoff.
 */
export async function stopOrphans(
  deps: SessionDeps,
  db: PrismaClient,
  row: Session,
): Promise<Session> {
  let found: string[];
  const provider = deps.providerFor(row.provider);
  try {
    if (!provider) throw new Error(`The ${row.provider} provider is not configured here`);
    found = await provider.findRunning(row.id);
  } catch (error) {
    const attempts = row.stopAttempts + 1;
    console.error(`Could not look for a provider session of ${row.id}; will try again`, error);
    return fenced(
      db,
      row,
      await updateUnderClaim(db, row, {
        stopAttempts: attempts,
        lastProviderError: describeError(error),
        nextStopAttemptAt: nextStopAttemptAt(deps.settings, attempts),
        stopClaimedAt: null,
      }),
    );
  }

  const [first, ...others] = found;
  if (!first) {
    // Nothing yet; a create still in flight at the provider may show up later, so look again
    // with backoff until anything it started would have reached its maximum length and ended.
    const searches = row.stopAttempts + 1;
    const endsAt = orphanSearchEndsAt(deps.settings, row);
    return fenced(
      db,
      row,
      await updateUnderClaim(db, row, {
        stopAttempts: searches,
        nextStopAttemptAt: nextSearchAt(deps.settings, searches, endsAt),
        stopClaimedAt: null,
      }),
    );
  }
  console.warn(`Found a running provider session for failed start ${row.id}; stopping it`);
  // One tag, one create call: more than one match should not happen, but none may keep billing.
  for (const other of others) {
    await provider.stop(other).catch((error: unknown) => {
      console.error(`Could not stop extra provider session ${other} of ${row.id}`, error);
    });
  }
  const known = await updateUnderClaim(db, row, { providerSessionId: first });
  if (!known) return fenced(db, row, null);
  // From here on it is an ordinary stop: retried by later sweeps until the provider confirms.
  return stopAtProvider(deps, db, known, "start_failed");
}

/** The row as written, or, when another process took the claim over, as that one left it. */
async function fenced(db: PrismaClient, row: Session, written: Session | null) {
  return written ?? db.session.findUniqueOrThrow({ where: { id: row.id } });
}
