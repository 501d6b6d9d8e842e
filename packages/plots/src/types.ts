import type { ModelName } from '@poolscope/analysis';
import type { FunctionCategory, TaskType } from '@poolscope/core';

/**
 * The figures' inputs, in the long format Vega-Lite draws from: one row per measured cell, per
 * point of a fitted curve, per mark. `fromAnalysis` builds them from `DIR/analysis`; anyone can
 * build them by hand.
 */

/** Where a row belongs: one scaling group of one target. */
export interface GroupKey {
  readonly target: string;
  readonly task_type: TaskType;
  readonly num_tasks: number;
}

/** One measured thread count of one group: median speedup with its 95% confidence interval. */
export interface SpeedupPoint extends GroupKey {
  readonly num_threads: number;
  /** T(1) / T(N), from median wall times. */
  readonly speedup: number;
  /** Lower bound of the 95% CI of the speedup; null when it could not be computed (one repeat). */
  readonly speedup_lo: number | null;
  /** Upper bound of the 95% CI of the speedup; null when it could not be computed. */
  readonly speedup_hi: number | null;
  /** CPU time over wall time: how many cores the cell kept busy (1 = one core); null if unknown. */
  readonly cpu_util: number | null;
}

/** One point of a group's fitted speedup curve (the USL fit). */
export interface CurvePoint extends GroupKey {
  readonly num_threads: number;
  readonly speedup: number;
}

/** A group's plateau threshold: the thread count from which another thread gains little. */
export interface PlateauMark extends GroupKey {
  readonly num_threads: number;
  /** 95% CI of the threshold; null where not computed. */
  readonly lo: number | null;
  readonly hi: number | null;
}

/** Time a profiled cell spent in one function category, over all its threads. */
export interface CategoryTime extends GroupKey {
  readonly num_threads: number;
  readonly category: FunctionCategory;
  /** Seconds of thread time (self time summed over threads), averaged over repeats. */
  readonly seconds: number;
}

/** What the speedup figures (`thread-scaling`, `gil-impact`) draw. */
export interface ScalingData {
  readonly points: readonly SpeedupPoint[];
  /** Fitted curves, sampled densely; may be empty (no fit, or too few thread counts). */
  readonly curves: readonly CurvePoint[];
  readonly plateaus: readonly PlateauMark[];
}

/** What the Experiment 3 figures draw: time per category, with speedup and CPU use beside it. */
export interface BreakdownData {
  readonly categories: readonly CategoryTime[];
  /** Speedup and CPU utilisation of the same cells; may be empty. */
  readonly points: readonly SpeedupPoint[];
}

/** An x, y pair of a fit figure. */
export interface XY {
  readonly x: number;
  readonly y: number;
}

/** One model fitted to a group, as the `usl-fit` figure draws it. */
export interface FittedModel {
  /** The curve, sampled over the measured range. */
  readonly curve: readonly XY[];
  /** Where the curve peaks (the USL's N*): null when it never turns down; absent for a model without a peak. */
  readonly peak?: XY | null;
  /** The value the curve tends to (Amdahl's limit): null when it has none; absent for a model without one. */
  readonly asymptote?: number | null;
}

/** One analysed group of the `usl-fit` figure, from poolscope's data or anyone's CSV. */
export interface FitGroup {
  /** What the group is, as a reader should see it ("python3.13t, cpu, 1,000 tasks", "db=pg"). */
  readonly label: string;
  /** Measured points (medians). */
  readonly points: readonly XY[];
  /** The models that could be fitted, by name (none when there were too few points). */
  readonly fits: { readonly [M in ModelName]?: FittedModel };
}

/** What the `usl-fit` figure draws. */
export interface FitData {
  /** Axis titles, with units ("threads", "speedup (×)", "throughput (req/s)"). */
  readonly xTitle: string;
  readonly yTitle: string;
  readonly groups: readonly FitGroup[];
}

/** Everything the figures of one run draw from. */
export interface PlotInput {
  readonly scaling: ScalingData;
  /** Null when the run recorded no profile (`raw/profile.csv` absent). */
  readonly breakdown: BreakdownData | null;
  readonly fits: FitData;
}
