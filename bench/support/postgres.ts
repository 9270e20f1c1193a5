// A fresh PostgreSQL database per run, so a benchmark starts from an empty ledger and leaves
// nothing behind.
import { randomBytes } from "node:crypto";

import pg from "pg";

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database beside `adminUrl`'s; returns its URL and a way to drop it. */
export async function freshDatabase(adminUrl: string) {
  const name = `jeremy_bench_${randomBytes(4).toString("hex")}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(adminUrl, (client) => client.query(`DROP DATABASE ${name} WITH (FORCE)`)),
  };
}

/** Why `adminUrl` cannot be reached from here, or undefined when it can. */
export async function unreachable(adminUrl: string): Promise<string | undefined> {
  try {
    await admin(adminUrl, (client) => client.query("SELECT 1"));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
