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
  /**
   * A stable name (snake_case) for one of the project's aims, kept in
   * bench/results/latest.json under `aims` so runs can be compared by name.
   */
  key?: string;
}

export interface BenchmarkResult {
  benchmark: string;
  figures: Figure[];
  /** Why a benchmark (or part of it) did not run, or what a figure includes. */
  notes: string[];
  error?: string;
  ranAt: string;
  deadlineSeconds: number;
  seconds: number;
  /** How busy all of the machine's CPUs were meanwhile, whoever used them. */
  machineBusyPercent: number;
}

export function figure(name: string, value: number, unit: string, aim?: Aim): Figure {
  return aim ? { name, value, unit, aim } : { name, value, unit };
}

/**
 * One of the project's aims, printed beside the absolute figures it comes from: a ratio to a
 * floor or baseline measured in the same run (unit "×"), or a difference ("KB").
 */
export function aimFigure(key: string, name: string, value: number, unit: string, aim: Aim) {
  return { key, name, value, unit, aim } satisfies Figure;
}

/** `value` ÷ `base`, NaN when either is missing (a stage that did not finish). */
export function ratioOf(value: number, base: number): number {
  return Number.isFinite(value) && Number.isFinite(base) && base > 0 ? value / base : NaN;
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
