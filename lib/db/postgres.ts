import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

import type { DatabaseHandle } from "./handle";
import { migrate } from "./migrate";

/** Connects to PostgreSQL through one pool shared by Prisma and migrations. */
export async function openPostgres(connectionString: string): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server must not take the process down with it.
  pool.on("error", (error) => console.error("PostgreSQL pool error", error));
  return {
    kind: "postgres",
    prisma: new PrismaClient({ adapter: new PrismaPg(pool) }),
    migrate: async () => {
      // One client for the whole run, so the advisory lock and the statements share a session.
      const client = await pool.connect();
      try {
        return await migrate({
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as Row[],
          exec: async (sql) => {
            await client.query(sql);
          },
        });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
