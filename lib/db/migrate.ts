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

/** Applies every migration not yet recorded; returns the names it applied. */
export async function migrate(db: SqlConnection, migrations?: Migration[]): Promise<string[]> {
  const pending = migrations ?? (await loadMigrations());
  await db.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
  try {
    await db.exec(PRISMA_MIGRATIONS_TABLE);
    const applied = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const done: string[] = [];
    for (const migration of pending) {
      const rows = applied.filter((row) => row.migration_name === migration.name);
      if (rows.some((row) => row.finished_at && !row.rolled_back_at)) continue;
      if (rows.some((row) => !row.finished_at && !row.rolled_back_at)) {
        throw new Error(
          `Migration ${migration.name} failed earlier and was not resolved. ` +
            `Fix the database, then mark it with \`prisma migrate resolve\` or delete its row in _prisma_migrations.`,
        );
      }
      await applyOne(db, migration);
      done.push(migration.name);
    }
    return done;
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
  }
}

async function applyOne(db: SqlConnection, migration: Migration) {
  const id = randomUUID();
  await db.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await db.exec(`BEGIN;\n${migration.sql}\nCOMMIT;`);
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => undefined);
    await db.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, String(error)]);
    throw new Error(`Migration ${migration.name} failed: ${String(error)}`, { cause: error });
  }
  await db.query(
    `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
    [id],
  );
}
