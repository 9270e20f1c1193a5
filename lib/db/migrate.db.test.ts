import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";

import { describe, expect, it, vi } from "vitest";

import { EndReason, Prisma, SessionStatus, TranscriptRole } from "@/lib/generated/prisma/client";
import { loadApp } from "@/test/app";

describe("migrations applied at start-up", () => {
  it("records every migration in Prisma's own table, with Prisma's checksum", async () => {
    const app = await loadApp({ AVATAR_PROVIDER: "local" });
    const db = await app.db();
    const rows = await db.$queryRaw<
      Array<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
      }>
    >`
      SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`;

    const folders = (await readdir("prisma/migrations", { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(rows.map((row) => row.migration_name)).toEqual(folders);
    for (const row of rows) {
      const sql = await readFile(`prisma/migrations/${row.migration_name}/migration.sql`);
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("applies nothing the second time", async () => {
    await loadApp({ AVATAR_PROVIDER: "local" });
    const { getDatabase } = await import("@/lib/db");
    const handle = await getDatabase();
    expect(await handle.migrate()).toEqual([]);
  });

  it("creates exactly the tables, columns and enum values the Prisma schema describes", async () => {
    const app = await loadApp({ AVATAR_PROVIDER: "local" });
    const db = await app.db();
    const columns = await db.$queryRaw<Array<{ table_name: string; column_name: string }>>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`;
    const columnsOf = (table: string) =>
      columns
        .filter((c) => c.table_name === table)
        .map((c) => c.column_name)
        .sort();
    expect(columnsOf("Session")).toEqual(Object.values(Prisma.SessionScalarFieldEnum).sort());
    expect(columnsOf("TranscriptLine")).toEqual(
      Object.values(Prisma.TranscriptLineScalarFieldEnum).sort(),
    );
    expect(columnsOf("SweepLease")).toEqual(Object.values(Prisma.SweepLeaseScalarFieldEnum).sort());
    expect(new Set(columns.map((c) => c.table_name))).toEqual(
      new Set(Object.values(Prisma.ModelName)),
    );

    const labels = await db.$queryRaw<Array<{ typname: string; enumlabel: string }>>`
      SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid ORDER BY e.enumsortorder`;
    const valuesOf = (type: string) =>
      labels.filter((l) => l.typname === type).map((l) => l.enumlabel);
    expect(valuesOf("SessionStatus")).toEqual(Object.values(SessionStatus));
    expect(valuesOf("EndReason")).toEqual(Object.values(EndReason));
    expect(valuesOf("TranscriptRole")).toEqual(Object.values(TranscriptRole));
  });

  it("stores and reads back a session with its transcript through the Prisma client", async () => {
    const app = await loadApp({ AVATAR_PROVIDER: "local" });
    const db = await app.db();
    const at = new Date("2026-01-02T03:04:05.678Z");
    await db.session.create({
      data: {
        id: "ses_0123456789abcdef0123456789abcdef",
        provider: "local",
        profile: "interviewer",
        ownerKeyHash: "0".repeat(64),
        maxDurationSeconds: 600,
        transcript: {
          create: [
            { seq: 0, role: "assistant", text: "Hello, I'm Jeremy.", at },
            { seq: 1, role: "user", text: "Hi!", at },
          ],
        },
      },
    });
    const row = await db.session.findUniqueOrThrow({
      where: { id: "ses_0123456789abcdef0123456789abcdef" },
      include: { transcript: { orderBy: { seq: "asc" } } },
    });
    expect(row.status).toBe("STARTING");
    expect(row.transcript.map((line) => [line.role, line.text, line.at.toISOString()])).toEqual([
      ["assistant", "Hello, I'm Jeremy.", at.toISOString()],
      ["user", "Hi!", at.toISOString()],
    ]);
  });

  it.runIf(process.env.TEST_DATABASE === "pglite")(
    "says once, in production, that the embedded database suits one long-running server only",
    async () => {
      const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
      try {
        await loadApp({
          NODE_ENV: "production",
          AVATAR_PROVIDER: "local",
          LIVEKIT_URL: "ws://127.0.0.1:7880",
          LIVEKIT_API_KEY: "key",
          LIVEKIT_API_SECRET: "a-secret-for-this-test-only",
        });
        const { getDatabase } = await import("@/lib/db");
        await getDatabase();
        await getDatabase();
        const lines = log.mock.calls.map((call) => String(call[0]));
        expect(lines.filter((line) => line.includes("suits one long-running server"))).toHaveLength(
          1,
        );
      } finally {
        log.mockRestore();
        await loadApp({ NODE_ENV: "test" });
      }
    },
  );
});
