// The shape every benchmark in `npm run bench` has, and what the runner lends it.
import type { Stack } from "@/e2e/support/stack";

import type { Figure } from "./figures";

/** Jeremy drawing his own face (one participant), or the face worker beside his brain. */
export type Face = "own" | "worker";

export interface BenchContext {
  /** The running product (LiveKit, worker, `next start`), started on first use. */
  stack(): Promise<Stack>;
  /** The face the run uses unless a benchmark chooses (`--face-worker`: the face worker). */
  defaultFace: Face;
  /** The running product with Jeremy's face as `face`, switched if need be. */
  useFace(face: Face): Promise<Stack>;
  /** DATABASE_URL as the suite was started with: a PostgreSQL server to create databases on. */
  postgresAdminUrl?: string;
}

export interface BenchmarkOutcome {
  figures: Figure[];
  notes: string[];
}

export interface Benchmark {
  name: string;
  /** One line: what is measured. */
  title: string;
  /** How long the whole benchmark may take; past it, the runner reports what it has and goes on. */
  deadlineSeconds: number;
  /**
   * Measures, pushing figures and notes into `outcome` as each stage finishes (so a stage that
   * misses its deadline leaves the earlier ones' figures), or returning them at the end.
   */
  run(context: BenchContext, outcome: BenchmarkOutcome): Promise<BenchmarkOutcome | void>;
}
