// Start and stop through the app's session API under load: 50 clients, each starting a
// session and stopping it again as fast as it can, against a fake Equos (a real HTTP server in
// this process that answers at once, so the figures are the app's own cost), on PGlite and, when
// DATABASE_URL is set and reachable, on a fresh PostgreSQL database.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";

import { FAKE_CHARACTER, FakeEquos } from "@/test/fake-equos";

import { startBareHandler } from "./support/bare-baseline";
import type { Benchmark } from "./support/benchmark";
import { aimFigure, figure, type Figure, ratioOf } from "./support/figures";
import { LIMITS_OFF } from "./support/limits";
import { freshDatabase, unreachable } from "./support/postgres";
import { countRoundTrips } from "./support/round-trip-counter";
import { SessionClient } from "./support/session-client";
import { describeMs, percentile } from "./support/stats";
import { type Load, runLoad } from "./support/start-stop-load";

const CLIENTS = 50;
// One client alone shows what a request costs before any queueing.
const ALONE_MS = 5_000;
// Round 1's figure on PostgreSQL (issue 14), on a machine of this project's kind: the aim is 4×.
const ROUND_ONE_CYCLES_PER_SECOND = 45.8;
const COUNTED_CYCLES = 20;

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

/** The app's database round trips per start and per stop, counted on the wire. */
async function roundTripsPerCall(
  restartApp: (env: Record<string, string>) => Promise<void>,
  databaseUrl: string,
) {
  const counter = await countRoundTrips(databaseUrl);
  try {
    await restartApp({ DATABASE_URL: counter.url });
    const client = new SessionClient();
    let start = 0;
    let stop = 0;
    for (let cycle = 0; cycle <= COUNTED_CYCLES; cycle++) {
      const t0 = counter.roundTrips();
      const { session } = await client.start();
      const t1 = counter.roundTrips();
      await client.stop(session.id);
      const t2 = counter.roundTrips();
      if (cycle === 0) continue; // the first opens the database and runs its migrations
      start += t1 - t0;
      stop += t2 - t1;
    }
    return { start: start / COUNTED_CYCLES, stop: stop / COUNTED_CYCLES };
  } finally {
    await counter.close();
  }
}

export const sessionApi: Benchmark = {
  name: "session-api",
  deadlineSeconds: 300,
  title: `start/stop latency and throughput, ${CLIENTS} concurrent clients, fake Equos`,
  async run(context, { figures, notes }) {
    const stack = await context.stack();
    const fake = await FakeEquos.start();
    const restartApp = async (databaseEnv: Record<string, string>) => {
      fake.reset();
      await stack.restartApp({ ...LIMITS_OFF, ...equosEnv(fake), ...databaseEnv });
    };
    const measure = async (database: string, databaseEnv: Record<string, string>) => {
      await restartApp(databaseEnv);
      const alone = await runLoad(1, ALONE_MS);
      const load = await runLoad(CLIENTS);
      figures.push(...report(database, alone, load, fake));
      return load.cycles / load.seconds;
    };
    const pglite = path.resolve(".data", `bench-${randomBytes(4).toString("hex")}`);
    let postgres: Awaited<ReturnType<typeof freshDatabase>> | undefined;
    try {
      await measure("PGlite", { PGLITE_DATA_DIR: pglite });
      const adminUrl = context.postgresAdminUrl;
      const why = adminUrl ? await unreachable(adminUrl) : "DATABASE_URL is not set";
      if (adminUrl && !why) {
        postgres = await freshDatabase(adminUrl);
        const trips = await roundTripsPerCall(restartApp, postgres.url);
        console.log(
          `  PostgreSQL round trips: ${trips.start.toFixed(1)} per start, ${trips.stop.toFixed(1)} per stop`,
        );
        const cycles = await measure("PostgreSQL", { DATABASE_URL: postgres.url });
        const bare = await startBareHandler(postgres.url, trips);
        let bareCycles = NaN;
        try {
          const load = await runLoad(CLIENTS, undefined, bare.url);
          bareCycles = load.cycles / load.seconds;
          console.log(
            `  bare handlers, same round trips: ${bareCycles.toFixed(1)} cycles per second ` +
              `(start ${describeMs(load.starts, [50, 99])})`,
          );
        } finally {
          await bare.stop();
        }
        figures.push(
          figure("PostgreSQL round trips per start", trips.start, "trips"),
          figure("PostgreSQL round trips per stop", trips.stop, "trips"),
          figure("bare handlers cycles/s", bareCycles, "/s"),
          aimFigure(
            "session_api_cycles_vs_round_one",
            `PostgreSQL cycles/s ÷ round 1's ${ROUND_ONE_CYCLES_PER_SECOND}/s`,
            ratioOf(cycles, ROUND_ONE_CYCLES_PER_SECOND),
            "×",
            { op: ">=", value: 4 },
          ),
          aimFigure(
            "session_api_cost_vs_bare_handler",
            "cost per cycle ÷ bare handlers' (same round trips)",
            ratioOf(bareCycles, cycles),
            "×",
            { op: "<=", value: 3 },
          ),
        );
        notes.push(
          `Round 1's ${ROUND_ONE_CYCLES_PER_SECOND} cycles/s came from another machine of this kind; the bare-handler ratio is measured in this run.`,
        );
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
  },
};
