/**
 * The analysis of poolscope's own timings: the document `DIR/analysis/summary.json` holds. Every
 * object in it is plain JSON once its functions (`predict`, `interval`) are dropped, which
 * `JSON.stringify` does: `summary.json` is exactly an `AnalysisSummary` serialised. Non-finite
 * numbers never appear: a quantity that does not exist (an infinite peak, a CI bound beyond the
 * search range) is `null`, and a fit that cannot be made says so with `status: 'insufficient'`.
 */
import type { TaskType } from '@poolscope/core';
import type { GroupAnalysis } from '../scaling/analyze-group.js';
import type { ScalingPoint } from '../scaling/speedup-table.js';
import type { TargetComparison } from './compare-targets.js';
import type { Crossover } from './crossover.js';
import type { Observation } from './observations.js';

/** A ScalingPoint of poolscope's own timings, with what the CPU did. */
export interface TimingPoint extends ScalingPoint {
  /** Tasks per second at the median wall time: `num_tasks / median`. */
  readonly throughput: number;
  /**
   * Median over repeats of `(cpu_user_ns + cpu_sys_ns) / (wall_ns * logical cores)`, in [0, 1]
   * for a process that stays on the machine's cores.
   */
  readonly cpu_utilisation: number;
  /** Median over repeats of `(cpu_user_ns + cpu_sys_ns) / wall_ns`: cores kept busy on average. */
  readonly cpu_cores_busy: number;
}

/** The key of one group of poolscope timings. */
export interface TimingGroupKey {
  readonly target: string;
  readonly task_type: TaskType;
  readonly num_tasks: number;
}

/** A group of poolscope timings, with what its rows say about the runtime. */
export interface TimingGroup extends GroupAnalysis<TimingGroupKey, TimingPoint> {
  readonly runtime: string;
  readonly runtime_version: string;
  /** Whether the GIL was on (null for Node, or when rows disagree). */
  readonly gil: boolean | null;
}

/** Where the logical core count used for CPU utilisation came from. */
export type CoresSource = 'host.json' | 'option' | 'assumed';

/** The settings an analysis ran with, recorded so it can be reproduced. */
export interface AnalysisSettings {
  readonly confidence: 0.95;
  /** Bootstrap resamples for speedup, efficiency and ratio CIs. */
  readonly bootstrap_resamples: number;
  /** Bootstrap refits per group for the plateau CI. */
  readonly fit_resamples: number;
  readonly seed: number;
  /** Cells with more repeats are resampled m-out-of-n with this m (rescaled). */
  readonly max_resample: number;
  readonly plateau_gain: number;
  readonly crossover_gain: number;
  readonly predict: readonly number[];
  readonly logical_cores: { readonly value: number; readonly source: CoresSource };
}

/** The whole analysis of poolscope timings: `DIR/analysis/summary.json`. */
export interface AnalysisSummary {
  readonly schema_version: 1;
  readonly inputs: {
    /** As given (relative to the run directory for `poolscope analyze DIR`). */
    readonly files: readonly string[];
    readonly rows: number;
    readonly ok_rows: number;
    /** Rows not analysed, by status. */
    readonly dropped: { readonly error: number; readonly timeout: number };
  };
  readonly settings: AnalysisSettings;
  readonly groups: readonly TimingGroup[];
  readonly crossovers: readonly Crossover[];
  readonly comparisons: readonly TargetComparison[];
  readonly observations: readonly Observation[];
  /** Caveats a reader must know (an assumed core count, dropped rows), as sentences. */
  readonly notes: readonly string[];
}
