import "server-only";

import { env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

import type { DatabaseHandle } from "./db/handle";

const globalForDb = globalThis as typeof globalThis & {
  jeremyDatabase?: Promise<DatabaseHandle>;
};

/** Opens the database named by the environment and applies pending migrations. */
export async function openDatabase(): Promise<DatabaseHandle> {
  const handle = env.DATABASE_URL
    ? await (await import("./db/postgres")).openPostgres(env.DATABASE_URL)
    : await (await import("./db/pglite")).openPglite(env.PGLITE_DATA_DIR);
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
  globalForDb.jeremyDatabase ??= openDatabase().catch((error: unknown) => {
    globalForDb.jeremyDatabase = undefined; // let the next request try again
    throw error;
  });
  return globalForDb.jeremyDatabase;
}

/** The Prisma client, ready to use. */
export async function getDb(): Promise<PrismaClient> {
  return (await getDatabase()).prisma;
}
