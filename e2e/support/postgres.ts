import { randomBytes } from "node:crypto";

import pg from "pg";

/** Creates an empty database on the PostgreSQL server at `adminUrl`; resolves its URL. */
export async function freshPostgresDatabase(
  adminUrl: string,
  prefix = "jeremy_e2e",
): Promise<string> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
