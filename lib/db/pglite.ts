import "server-only";

import { mkdir } from "node:fs/promises";

import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

import { PrismaClient } from "@/lib/generated/prisma/client";

import type { DatabaseHandle } from "./handle";
import { migrate } from "./migrate";

/** Opens the embedded database: Postgres compiled to WASM, inside this process. */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  // Only one process at a time may open a PGlite folder; "memory://" keeps it in memory.
  if (!dataDir.includes("://")) await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  return {
    kind: "pglite",
    prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }),
    read: async <Row>(sql: string, params: unknown[]) =>
      (await pglite.query<Row>(sql, params)).rows,
    migrate: () =>
      migrate({
        query: async <Row>(sql: string, params?: unknown[]) =>
          (await pglite.query<Row>(sql, params)).rows,
        exec: async (sql) => {
          await pglite.exec(sql);
        },
      }),
    close: () => pglite.close(),
  };
}
