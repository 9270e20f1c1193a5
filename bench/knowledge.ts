// Knowledge bases (issue 28): 1,000 generated Markdown documents (about 10,000 passages) added
// through the store against bare multi-row INSERTs, then 300 searches through the store against
// a bare query on the same full-text index, on PGlite and, when DATABASE_URL is set and
// reachable, on a fresh PostgreSQL database. The measuring runs in a child process: the store
// imports "server-only", which only loads under react-server conditions.
import { spawn } from "node:child_process";

import type { Benchmark } from "./support/benchmark";
import { aimFigure, figure, type Figure, ratioOf } from "./support/figures";
import type { KnowledgeMeasurement } from "./support/knowledge-measure";
import { freshDatabase, unreachable } from "./support/postgres";
import { percentile } from "./support/stats";

const DEADLINE_SECONDS = 180;

/** Runs bench/support/knowledge-measure.ts on `target` ("pglite" or a database URL). */
function runMeasure(target: string, timeoutSeconds: number): Promise<KnowledgeMeasurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "bench/support/knowledge-measure.ts",
        target,
      ],
      { stdio: ["ignore", "pipe", "inherit"], timeout: timeoutSeconds * 1000 },
    );
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const line = output.trim().split("\n").at(-1) ?? "";
      if (code === 0 && line.startsWith("{")) resolve(JSON.parse(line) as KnowledgeMeasurement);
      else reject(new Error(`knowledge-measure.ts exited with ${signal ?? code}`));
    });
  });
}

function report(database: string, key: string, m: KnowledgeMeasurement): Figure[] {
  const oursDocuments = m.documents / m.oursIngestSeconds;
  const bareDocuments = m.documents / m.bareIngestSeconds;
  const p = (values: number[], at: number) => percentile(values, at);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  console.log(
    `  ${database}, ${m.documents} documents, ${m.passages} passages added:` +
      ` store ${m.oursIngestSeconds.toFixed(1)} s (${oursDocuments.toFixed(0)} documents/s,` +
      ` ${(m.passages / m.oursIngestSeconds).toFixed(0)} passages/s);` +
      ` bare INSERTs ${m.bareIngestSeconds.toFixed(1)} s (${bareDocuments.toFixed(0)} documents/s)`,
  );
  const ours = { p50: p(m.oursSearchMs, 50), p95: p(m.oursSearchMs, 95) };
  const bare = { p50: p(m.bareSearchMs, 50), p95: p(m.bareSearchMs, 95) };
  console.log(
    `  ${database}, ${m.oursSearchMs.length} searches: store p50 ${ms(ours.p50)}, p95 ${ms(ours.p95)};` +
      ` bare query p50 ${ms(bare.p50)}, p95 ${ms(bare.p95)}` +
      ` (found passages for ${m.oursFound} and ${m.bareFound} of them)`,
  );
  return [
    figure(`${database} documents/s`, oursDocuments, "/s"),
    figure(`${database} passages/s`, m.passages / m.oursIngestSeconds, "/s"),
    figure(`${database} bare INSERT documents/s`, bareDocuments, "/s"),
    figure(
      `${database} ingestion time ÷ bare INSERTs`,
      ratioOf(m.oursIngestSeconds, m.bareIngestSeconds),
      "×",
    ),
    figure(`${database} search p50`, ours.p50, "ms"),
    figure(`${database} search p95`, ours.p95, "ms"),
    figure(`${database} bare search p50`, bare.p50, "ms"),
    figure(`${database} bare search p95`, bare.p95, "ms"),
    figure(`${database} search p95 ÷ bare p95`, ratioOf(ours.p95, bare.p95), "×"),
    aimFigure(
      `knowledge_search_vs_bare_${key}`,
      `${database} search p50 ÷ bare query p50`,
      ratioOf(ours.p50, bare.p50),
      "×",
      { op: "<=", value: 2 },
    ),
  ];
}

export const knowledge: Benchmark = {
  name: "knowledge",
  deadlineSeconds: DEADLINE_SECONDS,
  title: "knowledge base ingestion and search against bare SQL, PGlite and PostgreSQL",
  async run(context, { figures, notes }) {
    // Each child gets a little under half the deadline, so it is gone when the runner gives up.
    const childSeconds = DEADLINE_SECONDS / 2 - 5;
    figures.push(...report("PGlite", "pglite", await runMeasure("pglite", childSeconds)));
    const adminUrl = context.postgresAdminUrl;
    const why = adminUrl ? await unreachable(adminUrl) : "DATABASE_URL is not set";
    if (adminUrl && !why) {
      const postgres = await freshDatabase(adminUrl);
      try {
        const measured = await runMeasure(postgres.url, childSeconds);
        figures.push(...report("PostgreSQL", "postgres", measured));
      } finally {
        await postgres.drop();
      }
    } else {
      console.log(`  PostgreSQL skipped: ${why}.`);
      notes.push(`PostgreSQL skipped: ${why}.`);
    }
    notes.push(
      "The bare baseline goes to the driver directly: INSERTs with no splitting, checks or " +
        "transaction, and a search that returns passage ids only, with no base filter or join.",
    );
  },
};
