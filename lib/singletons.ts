// The process's long-lived objects: its database handle, session service and sweeper. They live
// on globalThis because `next dev` loads modules again on every edit, and a second database
// handle or sweeper per reload would pile up. No imports but types, so tests can reset them
// without loading (and validating) anything.
import type { DatabaseHandle } from "./db/handle";
import type { SessionService } from "./sessions/service";

export const singletons = globalThis as typeof globalThis & {
  jeremyDatabase?: Promise<DatabaseHandle>;
  jeremySessions?: SessionService;
  jeremySweeper?: { stop(): void };
};

/**
 * Stops the sweeper, forgets the session service and closes the database, so that the next use
 * builds them again: for tests that load the app again under another environment.
 */
export async function resetSingletons() {
  singletons.jeremySweeper?.stop();
  singletons.jeremySweeper = undefined;
  singletons.jeremySessions = undefined;
  const database = singletons.jeremyDatabase;
  singletons.jeremyDatabase = undefined;
  if (database) await (await database.catch(() => undefined))?.close();
}
