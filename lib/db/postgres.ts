import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

import type { DatabaseHandle } from "./handle";
import { migrate, type SqlConnection } from "./migrate";

/**
 * Connects to PostgreSQL: the app's queries through one pool at `url` (a pooled URL is fine),
 * migrations through `migrationUrl` when it differs (a direct connection, past the pooler).
 */
export async function openPostgres(url: string, migrationUrl = url): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not take the process down with it.
  pool.on("error", (error) => console.error("PostgreSQL pool error", error));
  return {
    kind: "postgres",
    prisma: new PrismaClient({ adapter: new PrismaPg(pool) }),
    read: async <Row>(sql: string, params: unknown[]) =>
      (await pool.query(sql, params)).rows as Row[],
    migrate: async () => {
      if (migrationUrl === url) {
        // One client for the whole run: its transaction, lock and statements share a connection.
        const client = await pool.connect();
        try {
          return await migrate(sqlConnection(client));
        } finally {
          client.release();
        }
      }
      const direct = new pg.Client({
        connectionString: migrationUrl,
        connectionTimeoutMillis: 5_000,
      });
      direct.on("error", (error) => console.error("PostgreSQL migration connection error", error));
      await direct.connect();
      try {
        return await migrate(sqlConnection(direct));
      } finally {
        await direct.end();
      }
    },
    close: () => pool.end(),
  };
}

function sqlConnection(client: pg.ClientBase): SqlConnection {
  return {
    query: async <Row>(sql: string, params?: unknown[]) =>
      (await client.query(sql, params)).rows as Row[],
    exec: async (sql) => {
      await client.query(sql);
    },
  };
}
