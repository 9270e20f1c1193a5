import { randomUUID } from "node:crypto";

import { loadMigrations, type Migration } from "./migrations";

/** The little a migration run needs from a database connection. */
export interface SqlConnection {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// The same table, and the same lock, that `prisma migrate deploy` uses, so the two can be
// mixed freely: machines with Prisma's engines may run the CLI, the app runs this.
const PRISMA_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;
const PRISMA_ADVISORY_LOCK = 72707369;

/**
 * Applies every migration not yet recorded; returns the names it applied.
 *
 * Safe through a transaction pooler (PgBouncer, Neon's and Supabase's poolers): the lock is
 * transaction-scoped, so it is released by the COMMIT that ends the run and cannot be stranded
 * on a backend another client gets next. `prisma migrate deploy` takes the same key as a session
 * lock, and the two exclude each other. A run that finds nothing pending (every cold start of a
 * serverless function after the first) takes no lock and writes nothing.
 */
export async function migrate(db: SqlConnection, migrations?: Migration[]): Promise<string[]> {
  const wanted = migrations ?? (await loadMigrations());
  if (pendingIn(wanted, await appliedRows(db)).length === 0) return [];

  await db.exec("BEGIN");
  try {
    await db.query("SELECT pg_advisory_xact_lock($1)", [PRISMA_ADVISORY_LOCK]);
    await db.exec(PRISMA_MIGRATIONS_TABLE);
    // Read again under the lock: another instance may have applied them meanwhile.
    const pending = pendingIn(wanted, await appliedRows(db));
    for (const migration of pending) await applyOne(db, migration);
    await db.exec("COMMIT");
    return pending.map((migration) => migration.name);
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function appliedRows(db: SqlConnection): Promise<AppliedRow[]> {
  const [table] = await db.query<{ found: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS found`,
  );
  if (!table?.found) return [];
  return db.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
  );
}

/** The migrations still to apply; throws on one that failed earlier and was never resolved. */
function pendingIn(migrations: Migration[], applied: AppliedRow[]): Migration[] {
  return migrations.filter((migration) => {
    const rows = applied.filter((row) => row.migration_name === migration.name);
    if (rows.some((row) => row.finished_at && !row.rolled_back_at)) return false;
    if (rows.some((row) => !row.finished_at && !row.rolled_back_at)) {
      throw new Error(
        `Migration ${migration.name} failed earlier and was not resolved. ` +
          `Fix the database, then mark it with \`prisma migrate resolve\` or delete its row in _prisma_migrations.`,
      );
    }
    return true;
  });
}

/** Inside the run's transaction: a failed migration is undone with everything before it. */
async function applyOne(db: SqlConnection, migration: Migration) {
  try {
    await db.exec(migration.sql);
  } catch (error) {
    throw new Error(`Migration ${migration.name} failed: ${String(error)}`, { cause: error });
  }
  await db.query(
    `INSERT INTO "_prisma_migrations"
       (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
}
