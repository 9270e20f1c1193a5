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
