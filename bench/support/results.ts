// The end of a run: one table of every figure beside its aim, and bench/results/latest.json,
// which keeps each benchmark's latest figures (a subset run updates only its own entries).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { type BenchmarkResult, formatValue, meetsAim } from "./figures";

export const RESULTS_FILE = path.resolve("bench", "results", "latest.json");

interface ResultsFile {
  updatedAt: string;
  machine: { cpus: number; cpuModel: string; node: string };
  benchmarks: Record<string, BenchmarkResult>;
}

export function printSummary(results: readonly BenchmarkResult[]): void {
  const rows: string[][] = [["benchmark", "figure", "value", "aim", ""]];
  for (const result of results) {
    if (result.error) rows.push([result.benchmark, "FAILED", result.error.slice(0, 60), "", ""]);
    for (const f of result.figures) {
      const met = meetsAim(f);
      rows.push([
        result.benchmark,
        f.name,
        formatValue(f.value, f.unit),
        f.aim ? `${f.aim.op} ${f.aim.value} ${f.unit}` : "",
        met === undefined ? "" : met ? "met" : "MISSED",
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
}

/** Merges this run's results into bench/results/latest.json; returns the file's path. */
export function writeResults(results: readonly BenchmarkResult[]): string {
  const previous: ResultsFile | undefined = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as ResultsFile)
    : undefined;
  const file: ResultsFile = {
    updatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "", node: process.version },
    benchmarks: {
      ...previous?.benchmarks,
      ...Object.fromEntries(results.map((result) => [result.benchmark, result])),
    },
  };
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(file, null, 2)}\n`);
  return RESULTS_FILE;
}
