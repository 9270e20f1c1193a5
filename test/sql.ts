import pg from "pg";

/** Runs one statement on a connection of its own to `url`, and closes it. */
export async function runSql<Row>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as Row[];
  } finally {
    await client.end();
  }
}

/**
 * The advisory locks held in `url`'s database. `pg_locks` covers the whole server, where test
 * files running beside the caller take their own (limits, sign-in) in their own databases.
 */
export function advisoryLocks(url: string): Promise<unknown[]> {
  return runSql(
    url,
    `SELECT * FROM pg_locks WHERE locktype = 'advisory'
       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
}
