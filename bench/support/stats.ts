// Percentiles and the few number formats every benchmark prints.

/** The nearest-rank percentile `p` (0–100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** "p50 412 ms, p95 530 ms (n = 12)" */
export function describeMs(values: readonly number[], ps: readonly number[] = [50, 95]): string {
  const parts = ps.map((p) => `p${p} ${Math.round(percentile(values, p))} ms`);
  return `${parts.join(", ")} (n = ${values.length})`;
}
