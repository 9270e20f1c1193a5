// The end of a run: one table of every figure beside its aim, and bench/results/latest.json,
// which keeps each benchmark's latest figures (a subset run updates only its own entries).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { type BenchmarkResult, type Figure, formatValue, meetsAim } from "./figures";

export const RESULTS_FILE = path.resolve("bench", "results", "latest.json");

/** One of the project's aims as last measured, under its figure's stable key. */
interface AimResult {
  benchmark: string;
  name: string;
  value: number | null;
  unit: string;
  aim: string;
  met: boolean;
  ranAt: string;
}

interface ResultsFile {
  updatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string };
  /** The aims' ratios by stable name, e.g. `first_frame_vs_livekit_connected`. */
  aims: Record<string, AimResult>;
  benchmarks: Record<string, BenchmarkResult>;
}

export function printSummary(results: readonly BenchmarkResult[]): void {
  const rows: string[][] = [["benchmark", "figure", "value", "aim", ""]];
  for (const result of results) {
    if (result.error) rows.push([result.benchmark, "FAILED", result.error.slice(0, 60), "", ""]);
    for (const f of result.figures) {
      rows.push([
        result.benchmark,
        f.name,
        formatValue(f.value, f.unit),
        f.aim ? `${f.aim.op} ${f.aim.value} ${f.unit}` : "",
        verdict(f),
      ]);
    }
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log("\nSummary");
  for (const [index, row] of rows.entries()) {
    console.log(
      row
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd(),
    );
    if (index === 0) console.log(widths.map((width) => "-".repeat(width)).join("  "));
  }
  for (const result of results) {
    for (const note of result.notes) console.log(`  [${result.benchmark}] ${note}`);
  }
  const aims = results.flatMap((result) => result.figures.filter((f) => f.key));
  if (aims.length === 0) return;
  console.log("\nAims (ratios to a floor or baseline measured in this run)");
  for (const f of aims) {
    console.log(
      `  ${verdict(f).padEnd(6)}  ${f.key!.padEnd(40)} ${formatValue(f.value, f.unit).padStart(10)}  (aim ${f.aim!.op} ${f.aim!.value})  ${f.name}`,
    );
  }
}

/** MET or MISSED for a figure with an aim; an aim whose stage did not finish is missed. */
function verdict(f: Figure): string {
  const met = meetsAim(f);
  if (met === undefined) return f.key ? "MISSED" : "";
  return met ? "MET" : "MISSED";
}

/** Merges this run's results into bench/results/latest.json; returns the file's path. */
export function writeResults(results: readonly BenchmarkResult[]): string {
  const previous: ResultsFile | undefined = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as ResultsFile)
    : undefined;
  const file: ResultsFile = {
    updatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", node: process.version },
    aims: { ...previous?.aims, ...aimsOf(results) },
    benchmarks: {
      ...previous?.benchmarks,
      ...Object.fromEntries(results.map((result) => [result.benchmark, result])),
    },
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(file, null, 2)}\n`);
  return RESULTS_FILE;
}

function aimsOf(results: readonly BenchmarkResult[]): Record<string, AimResult> {
  const aims: Record<string, AimResult> = {};
  for (const result of results) {
    for (const f of result.figures) {
      if (!f.key || !f.aim) continue;
      aims[f.key] = {
        benchmark: result.benchmark,
        name: f.name,
        value: Number.isFinite(f.value) ? f.value : null,
        unit: f.unit,
        aim: `${f.aim.op} ${f.aim.value}`,
        met: meetsAim(f) === true,
        ranAt: result.ranAt,
      };
    }
  }
  return aims;
}
