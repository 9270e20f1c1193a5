// What a benchmark hands back: named figures, each with its unit and, where the project set
// one, the aim it is compared with. Benchmarks report; they never fail on a figure.

export interface Aim {
  op: "<" | "<=" | ">=";
  value: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  aim?: Aim;
}

export interface BenchmarkResult {
  benchmark: string;
  figures: Figure[];
  /** Why a benchmark (or part of it) did not run, or what a figure includes. */
  notes: string[];
  error?: string;
  ranAt: string;
  seconds: number;
  /** How busy all of the machine's CPUs were meanwhile, whoever used them. */
  machineBusyPercent: number;
}

export function figure(name: string, value: number, unit: string, aim?: Aim): Figure {
  return aim ? { name, value, unit, aim } : { name, value, unit };
}

/** Whether `f`, as printed, meets its aim (24.96 fps shows as 25.0 and meets ≥ 25). */
export function meetsAim(f: Figure): boolean | undefined {
  if (!f.aim || !Number.isFinite(f.value)) return undefined;
  const value = Number(f.value.toFixed(digitsFor(f.value)));
  if (f.aim.op === "<") return value < f.aim.value;
  if (f.aim.op === "<=") return value <= f.aim.value;
  return value >= f.aim.value;
}

/** "412 ms" / "18.3 %" / "1.25 s" with a precision that suits the size. */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  return `${value.toFixed(digitsFor(value))} ${unit}`;
}

function digitsFor(value: number): number {
  if (Number.isInteger(value)) return 0;
  const size = Math.abs(value);
  return size >= 100 ? 0 : size >= 10 ? 1 : size >= 1 ? 2 : 3;
}
