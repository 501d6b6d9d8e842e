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
import type { Interval } from '../stats/describe.js';

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

/** target a against target b in one cell: ratios a / b with bootstrap CIs. */
export interface CellComparison {
  readonly task_type: TaskType;
  readonly num_tasks: number;
  readonly threads: number;
  /** median time of a / median time of b (< 1: a is faster). */
  readonly time_ratio: number;
  readonly time_ratio_ci95: Interval;
  /** speedup of a / speedup of b (> 1: a scales better). */
  readonly speedup_ratio: number;
  readonly speedup_ratio_ci95: Interval;
}

/** Two targets compared cell by cell; `single_thread` is the cost of a over b with one thread. */
export interface TargetComparison {
  readonly a: string;
  readonly b: string;
  readonly cells: readonly CellComparison[];
  /** time_ratio at each group's baseline thread count (1 thread when measured). */
  readonly single_thread: readonly {
    readonly task_type: TaskType;
    readonly num_tasks: number;
    readonly threads: number;
    readonly time_ratio: number;
    readonly time_ratio_ci95: Interval;
  }[];
}

/** One task count's best thread count, as used to find a crossover. */
export interface CrossoverStep {
  readonly num_tasks: number;
  readonly best_threads: number;
  readonly best_speedup: number;
  /** best_speedup >= 1 + gain. */
  readonly beats: boolean;
}

/**
 * Per (target, task_type): the task count from which the best thread count beats one thread by at
 * least `gain` (5% by default), interpolated on log(task count) between the two measured task
 * counts around the crossing.
 */
export type Crossover = {
  readonly target: string;
  readonly task_type: TaskType;
  readonly gain: number;
  readonly steps: readonly CrossoverStep[];
} & (
  | { readonly status: 'found'; readonly num_tasks: number; readonly between: readonly [number, number] }
  /** Already beaten at the smallest task count measured. */
  | { readonly status: 'below-range'; readonly num_tasks: number }
  /** "none within the measured range". */
  | { readonly status: 'none' }
  /** Fewer than 2 task counts measured (or no thread count other than the baseline). */
  | { readonly status: 'insufficient'; readonly reason: string }
);

/** What an observation is about. */
export type ObservationKind = 'scaling' | 'plateau' | 'crossover' | 'comparison' | 'single-thread' | 'fit' | 'data';

/** One generated sentence, with the group it is about (fields absent when it is about all). */
export interface Observation {
  readonly kind: ObservationKind;
  readonly text: string;
  readonly target?: string;
  readonly task_type?: TaskType;
  readonly num_tasks?: number;
}
