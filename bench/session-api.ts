// Start and stop through the app's session API under load: 50 clients, each starting a
// session and stopping it again as fast as it can, against a fake Equos (a real HTTP server in
// this process that answers at once, so the figures are the app's own cost), on PGlite and, when
// DATABASE_URL is set and reachable, on a fresh PostgreSQL database.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";

import { FAKE_CHARACTER, FakeEquos } from "@/test/fake-equos";

import type { Benchmark } from "./support/benchmark";
import { figure, type Figure } from "./support/figures";
import { LIMITS_OFF } from "./support/limits";
import { freshDatabase, unreachable } from "./support/postgres";
import { describeMs, percentile } from "./support/stats";
import { type Load, runLoad } from "./support/start-stop-load";

const CLIENTS = 50;
// One client alone shows what a request costs before any queueing.
const ALONE_MS = 5_000;

/** What test/equos-app.ts's equosEnv sets, minus what the production stack sets itself. */
function equosEnv(fake: FakeEquos): Record<string, string> {
  return {
    AVATAR_PROVIDER: "equos",
    EQUOS_API_URL: fake.url,
    EQUOS_API_KEY: fake.apiKey,
    // API v3, the default: what a new Equos account uses.
    EQUOS_CHARACTER_ID: FAKE_CHARACTER.id,
  };
}

function report(database: string, alone: Load, load: Load, fake: FakeEquos): Figure[] {
  const created = fake.callsTo("create").length;
  const stopped = fake.callsTo("stop").length;
  console.log(
    `  ${database}, 1 client alone: start p50 ${Math.round(percentile(alone.starts, 50))} ms, ` +
      `stop p50 ${Math.round(percentile(alone.stops, 50))} ms`,
  );
  console.log(`  ${database}, ${CLIENTS} concurrent clients, ${load.seconds.toFixed(1)} s:`);
  console.log(`    start: ${describeMs(load.starts, [50, 99])}`);
  console.log(`    stop:  ${describeMs(load.stops, [50, 99])}`);
  console.log(`    ${(load.cycles / load.seconds).toFixed(1)} start+stop cycles per second`);
  console.log(
    `    Equos sessions created ${created}, stopped ${stopped}, still running ${fake.running().length}` +
      (load.errors.length > 0
        ? `; ${load.errors.length} failed calls, e.g. ${load.errors[0]}`
        : ""),
  );
  const aim = database === "PostgreSQL" ? { op: "<" as const, value: 100 } : undefined;
  return [
    figure(`${database} start p50, 1 client`, percentile(alone.starts, 50), "ms"),
    figure(`${database} stop p50, 1 client`, percentile(alone.stops, 50), "ms"),
    figure(`${database} start p50`, percentile(load.starts, 50), "ms"),
    figure(`${database} start p99`, percentile(load.starts, 99), "ms", aim),
    figure(`${database} stop p50`, percentile(load.stops, 50), "ms"),
    figure(`${database} stop p99`, percentile(load.stops, 99), "ms", aim),
    figure(`${database} cycles/s`, load.cycles / load.seconds, "/s"),
    figure(`${database} unstopped`, created - stopped, "sessions"),
  ];
}

export const sessionApi: Benchmark = {
  name: "session-api",
  title: `start/stop latency and throughput, ${CLIENTS} concurrent clients, fake Equos`,
  async run(context) {
    const stack = await context.stack();
    const fake = await FakeEquos.start();
    const figures: Figure[] = [];
    const notes: string[] = [];
    const measure = async (database: string, databaseEnv: Record<string, string>) => {
      fake.reset();
      await stack.restartApp({ ...LIMITS_OFF, ...equosEnv(fake), ...databaseEnv });
      const alone = await runLoad(1, ALONE_MS);
      figures.push(...report(database, alone, await runLoad(CLIENTS), fake));
    };
    const pglite = path.resolve(".data", `bench-${randomBytes(4).toString("hex")}`);
    let postgres: Awaited<ReturnType<typeof freshDatabase>> | undefined;
    try {
      await measure("PGlite", { PGLITE_DATA_DIR: pglite });
      const adminUrl = context.postgresAdminUrl;
      const why = adminUrl ? await unreachable(adminUrl) : "DATABASE_URL is not set";
      if (adminUrl && !why) {
        postgres = await freshDatabase(adminUrl);
        await measure("PostgreSQL", { DATABASE_URL: postgres.url });
      } else {
        const hint = adminUrl
          ? " Media benchmarks run in a private network namespace, where the host's database is out of reach: run `npm run bench -- session-api` outside it (it needs no media)."
          : "";
        console.log(`  PostgreSQL skipped: ${why}.${hint}`);
        notes.push(`PostgreSQL skipped: ${why}.${hint}`);
      }
    } finally {
      // Back to the stack's own app, which also lets go of both benchmark databases.
      await stack.restartApp();
      rmSync(pglite, { recursive: true, force: true });
      await postgres?.drop();
      await fake.close();
    }
    notes.push("The fake Equos answers at once: these are the app's own costs, database included.");
    return { figures, notes };
  },
};
