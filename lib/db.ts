import "server-only";

import { databaseSettings, env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { DatabaseHandle } from "./db/handle";
import { singletons } from "./singletons";

/** Opens the database named by the environment and applies pending migrations. */
export async function openDatabase(): Promise<DatabaseHandle> {
  const { url, migrationUrl, pgliteDir } = databaseSettings;
  const handle = url
    ? await (await import("./db/postgres")).openPostgres(url, migrationUrl)
    : await (await import("./db/pglite")).openPglite(pgliteDir);
  if (!url && env.NODE_ENV === "production") {
    console.log(
      `Ledger: the embedded PGlite database in ${pgliteDir}. That suits one long-running server; ` +
        "for several instances or serverless, set DATABASE_URL to a PostgreSQL database.",
    );
  }
  try {
    const applied = await handle.migrate();
    if (applied.length > 0) console.log(`Database migrations applied: ${applied.join(", ")}`);
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  return handle;
}

/** The process's one database handle, opened on first use (kept across dev hot reloads). */
export function getDatabase(): Promise<DatabaseHandle> {
  singletons.jeremyDatabase ??= openDatabase().catch((error: unknown) => {
    singletons.jeremyDatabase = undefined; // let the next request try again
    throw error;
  });
  return singletons.jeremyDatabase;
}

/** The Prisma client, ready to use. */
export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}
