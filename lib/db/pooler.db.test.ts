// The ledger through a transaction pooler (PgBouncer in transaction mode), as Vercel's Neon
// integration, Supabase and other managed databases hand it out: migrations on many cold
// starts at once, with and without a direct connection, and the app's queries.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { loadMigrations } from "@/lib/db/migrations";
import { loadApp } from "@/test/app";
import { equosEnv } from "@/test/equos-app";
import { FakeEquos } from "@/test/fake-equos";
import { startPgBouncer, type Pooler } from "@/test/pgbouncer";
import { freePort } from "@/test/ports";
import { startSession } from "@/test/sessions";
import { advisoryLocks, runSql } from "@/test/sql";

const onPostgres = process.env.TEST_DATABASE === "postgres";

describe.runIf(onPostgres)("the database through a transaction pooler", () => {
  let pooler: Pooler;
  let directUrl: string;
  let pooledUrl: string;

  beforeAll(async () => {
    directUrl = process.env.DATABASE_URL ?? ""; // this file's own fresh database
    pooler = await startPgBouncer(directUrl);
    pooledUrl = pooler.pooledUrl(directUrl);
  });

  afterAll(async () => {
    await pooler?.stop();
  });

  /** Opens the database as a fresh instance would, with `env` as its environment. */
  async function coldStart(env: Record<string, string | undefined>) {
    process.env = { ...process.env, ...env };
    for (const [name, value] of Object.entries(env))
      if (value === undefined) delete process.env[name];
    vi.resetModules();
    const { openDatabase } = await import("@/lib/db");
    return openDatabase();
  }

  const direct = <Row>(sql: string) => runSql<Row>(directUrl, sql);

  it("migrates once when ten instances cold-start at once through the pooler alone, leaving no lock held", async () => {
    const handles = await Promise.all(
      Array.from({ length: 10 }, () =>
        coldStart({
          DATABASE_URL: pooledUrl,
          DATABASE_URL_UNPOOLED: undefined,
          DIRECT_URL: undefined,
        }),
      ),
    );
    try {
      const migrations = (await loadMigrations()).map((migration) => migration.name);
      const rows = await direct<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(migrations);
      expect(await advisoryLocks(directUrl)).toEqual([]);
      // Every instance sees the ledger, and a later cold start has nothing to do.
      for (const handle of handles) await expect(handle.prisma.session.count()).resolves.toBe(0);
      await expect(handles[0]!.migrate()).resolves.toEqual([]);
    } finally {
      await Promise.all(handles.map((handle) => handle.close()));
    }
  });

  it("migrates through DATABASE_URL_UNPOOLED (or DIRECT_URL) when it is given", async () => {
    // A pooled URL nothing answers: only the direct connection can have done the migration.
    const nowhere = `postgresql://user:password@127.0.0.1:${await freePort()}/nowhere`;
    // Every table and type the migrations made, whatever they are: an empty database again.
    await direct(`DROP SCHEMA public CASCADE`);
    await direct(`CREATE SCHEMA public`);
    for (const name of ["DATABASE_URL_UNPOOLED", "DIRECT_URL"]) {
      const handle = await coldStart({
        DATABASE_URL: nowhere,
        DATABASE_URL_UNPOOLED: undefined,
        DIRECT_URL: undefined,
        [name]: directUrl,
      });
      await handle.close();
    }
    const rows = await direct<{ count: string }>(`SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0]!.count)).toBe((await loadMigrations()).length);
  });

  it("serves starts, transactions and stops through the pooler", async () => {
    const fake = await FakeEquos.start();
    try {
      const app = await loadApp(
        equosEnv(fake, {
          DATABASE_URL: pooledUrl,
          DATABASE_URL_UNPOOLED: directUrl,
          DIRECT_URL: undefined,
          // The limits check is an interactive transaction under a transaction-scoped lock.
          MAX_ACTIVE_SESSIONS: "50",
          START_LIMIT_PER_CLIENT: "50",
        }),
      );
      const browsers = Array.from({ length: 8 }, () => app.browser());
      const ids = await Promise.all(browsers.map((browser) => startSession(browser)));
      await Promise.all(
        browsers.map(async (browser, index) => {
          const params = { id: ids[index]! };
          const beat = await browser.call("POST /api/sessions/:id/heartbeat", params);
          expect(beat.status).toBeLessThan(300);
          const stop = await browser.call("POST /api/sessions/:id/stop", params, {
            json: { reason: "hangup" },
          });
          expect(stop.status).toBe(200);
        }),
      );
      const db = await app.db();
      expect(await db.session.count({ where: { status: "ENDED", endReason: "hangup" } })).toBe(8);
      expect(fake.running()).toEqual([]);
      expect(await advisoryLocks(directUrl)).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
