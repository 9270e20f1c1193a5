// Gives each database test file a database of its own: a fresh PostgreSQL database when the
// project runs against PostgreSQL, an in-memory PGlite otherwise.
import { randomBytes } from "node:crypto";

import pg from "pg";
import { afterAll, beforeAll } from "vitest";

import { closeApp } from "./app";

if (process.env.TEST_DATABASE === "postgres") {
  const adminUrl = process.env.TEST_POSTGRES_URL ?? "";
  const name = `jeremy_test_${randomBytes(6).toString("hex")}`;

  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
  });

  afterAll(async () => {
    await closeApp();
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
  afterAll(closeApp);
}
