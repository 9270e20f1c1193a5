import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of the file, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

/** The project's migrations (prisma/migrations), in the order Prisma applies them. */
export async function loadMigrations(): Promise<Migration[]> {
  // Paths spelled out in full so the build's file tracing includes just this folder.
  const entries = await readdir(path.join(process.cwd(), "prisma", "migrations"), {
    withFileTypes: true,
  });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(process.cwd(), "prisma", "migrations", name, "migration.sql");
      const sql = await readFile(file, "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}
