/**
 * The result types of @poolscope/analysis. Every object here is plain JSON once its functions
 * (`predict`, `interval`) are dropped, which `JSON.stringify` does: `summary.json` is exactly an
 * `AnalysisSummary` serialised. Non-finite numbers never appear: a quantity that does not exist
 * (an infinite peak, a CI bound beyond the search range) is `null`, and a fit that cannot be made
 * says so with `status: 'insufficient'`.
 */
import type { TaskType } from '@poolscope/core';

/** A two-sided interval `[lo, hi]` (95% unless said otherwise). */
export type Interval = readonly [lo: number, hi: number];

/** What the measured y means: elapsed time for a fixed amount of work, or work done per unit of time. */
export type Metric = 'time' | 'throughput';

/**
 * One capacity level (thread count, or a foreign CSV's `--x` value) of one group: the spread of
 * its raw repeats and its speedup over the baseline level, with bootstrap CIs.
 */
export interface ScalingPoint {
  /** The capacity level: the thread count for poolscope timings. */
  readonly x: number;
  /** Number of raw observations (repeats) at this level. */
  readonly repeats: number;
  /** Median of the measured y (seconds for poolscope timings). */
  readonly median: number;
  /** First and third quartiles of y (simple-statistics `quantileSorted`, type 7 as in R). */
  readonly q1: number;
  readonly q3: number;
  /** `q3 - q1`. */
  readonly iqr: number;
  /** Coefficient of variation of y, sample sd / mean; null with fewer than 2 repeats. */
  readonly cv: number | null;
  /**
   * Speedup over the baseline level: `median(y at baseline) / median(y)` for time,
   * `median(y) / median(y at baseline)` for throughput. 1 at the baseline itself.
   */
  readonly speedup: number;
  /** Percentile bootstrap 95% CI of the speedup, resampling the raw repeats of both levels. */
  readonly speedup_ci95: Interval;
  /** `speedup * baseline_x / x`: 1 is perfect scaling. */
  readonly efficiency: number;
  readonly efficiency_ci95: Interval;
}

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

/** The speedup table of one group: one point per capacity level, in increasing x. */
export interface SpeedupTable<P extends ScalingPoint = ScalingPoint> {
  readonly metric: Metric;
  /** The level speedups are relative to: 1 when measured, else the smallest x measured. */
  readonly baseline_x: number;
  readonly points: readonly P[];
}

/** The models poolscope fits. */
export type ModelName = 'amdahl' | 'usl';

/** Prediction of a fitted curve at one x, with its uncertainty. */
export interface CurvePrediction {
  readonly x: number;
  /** The fitted curve's value (speedup or throughput, as the fit's y). */
  readonly y: number;
  /** 95% confidence interval of the curve's value (delta method, Student t on the fit's df). */
  readonly ci95: Interval;
  /** 95% prediction interval of a new measurement there (adds the residual variance). */
  readonly pi95: Interval;
}

/** What every successful fit returns, whatever the model. */
export interface FitOk<P extends string> {
  readonly status: 'ok';
  readonly model: ModelName;
  readonly params: Readonly<Record<P, number>>;
  /** Standard errors from the Jacobian and the residual variance: sqrt(diag((JᵀJ)⁻¹) * RSS / df). */
  readonly stderr: Readonly<Record<P, number | null>>;
  /** `estimate ± t(0.975, df) * stderr`, clipped to the parameter's bounds; null when stderr is. */
  readonly ci95: Readonly<Record<P, Interval | null>>;
  /** The data fitted. */
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly fitted: readonly number[];
  /** `y - fitted`. */
  readonly residuals: readonly number[];
  /** Number of points and residual degrees of freedom (points - parameters). */
  readonly n: number;
  readonly df: number;
  /** Residual sum of squares. */
  readonly rss: number;
  /** Residual standard error sqrt(RSS / df). */
  readonly rse: number;
  /** Akaike information criterion for Gaussian errors, n ln(RSS/n) + 2(k + 1), as R's `AIC()` up to a constant. */
  readonly aic: number;
  /** Parameters that ended on a bound (e.g. kappa = 0). */
  readonly at_bound: readonly P[];
  /** The fitted curve at any x. Dropped from JSON. */
  predict(x: number): number;
  /** The fitted curve at x with 95% confidence and prediction intervals. Dropped from JSON. */
  interval(x: number): CurvePrediction;
}

/**
 * A 95% interval whose coverage was measured by simulation (BENCHMARKS.md, the calibration study),
 * or the reason none is given where it could not be trusted. `method` says how it was computed:
 * 'profile-log', the profile likelihood of the model fitted on the log scale (README, Methods).
 */
export type CalibratedInterval =
  | {
      readonly status: 'ok';
      readonly method: 'profile-log';
      /** hi null: no upper limit (the data allow kappa = 0, hence no peak; or no plateau within the search). */
      readonly ci95: readonly [lo: number, hi: number | null];
    }
  | { readonly status: 'unavailable'; readonly method: 'profile-log'; readonly reason: string };

/** A fit that was not attempted, and why (never NaN parameters). */
export interface FitInsufficient {
  readonly status: 'insufficient';
  readonly model: ModelName;
  /** A sentence from the messages catalogue ("insufficient data: 3 distinct x values, 4 needed"). */
  readonly reason: string;
  readonly needed: number;
  readonly got: number;
}

/**
 * Amdahl's law, y = gamma * N / (1 + s (N - 1)) (= gamma / (s + (1 - s)/N)), serial fraction
 * s in [0, 1]. On speedups measured from N = 1, gamma is fixed to 1 and only s is fitted.
 */
export interface AmdahlFitOk extends FitOk<'s' | 'gamma'> {
  readonly model: 'amdahl';
  readonly s: number;
  readonly gamma: number;
  /** Whether gamma was fitted (true) or fixed to 1 (speedups with a measured N = 1). */
  readonly gamma_free: boolean;
  /** The curve's limit as N grows, gamma / s; null when s = 0 (no limit). */
  readonly asymptote: number | null;
  /** Calibrated 95% intervals beside the linearised `ci95` (gamma's is unavailable when it is fixed or set by the baseline). */
  readonly intervals: Readonly<Record<'s' | 'gamma', CalibratedInterval>>;
}

/**
 * The Universal Scalability Law (Gunther), y = gamma N / (1 + sigma (N - 1) + kappa N (N - 1)),
 * sigma, kappa in [0, 1], gamma >= 0. R `usl` names: sigma = alpha, kappa = beta, gamma = gamma.
 */
export interface UslFitOk extends FitOk<'sigma' | 'kappa' | 'gamma'> {
  readonly model: 'usl';
  readonly sigma: number;
  readonly kappa: number;
  readonly gamma: number;
  /**
   * Where the curve peaks: x = N* = sqrt((1 - sigma) / kappa), y its value there. Both null when
   * kappa = 0 (the curve never turns down).
   */
  readonly peak: { readonly x: number | null; readonly y: number | null };
  /** Calibrated 95% intervals beside the linearised `ci95`, and one for the peak's x (N*). */
  readonly intervals: Readonly<Record<'sigma' | 'kappa' | 'gamma' | 'peak', CalibratedInterval>>;
}

export type AmdahlFit = AmdahlFitOk | FitInsufficient;
export type UslFit = UslFitOk | FitInsufficient;

/** Both fits of one group, and which describes the data better. */
export interface GroupFits {
  readonly amdahl: AmdahlFit;
  readonly usl: UslFit;
  /** The model with the lower AIC (Amdahl on a tie: fewer parameters); null when neither fitted. */
  readonly preferred: ModelName | null;
}

/**
 * Where adding a thread stops paying: the smallest thread count N from which the fitted curve
 * gains less than `gain` of an ideal thread: f(N + 1) - f(N) < gain * gamma, where gamma = f(1) is
 * what one thread gives (an ideal thread adds gamma).
 */
export type Plateau =
  | {
      readonly status: 'found';
      /** The threshold thread count from the preferred fit. */
      readonly threshold: number;
      readonly model: ModelName;
      readonly gain: number;
      /** Percentile bootstrap CI of the threshold; hi null when some resamples never plateau within `search_limit`. */
      readonly ci95: readonly [lo: number, hi: number | null];
      /** Bootstrap resamples used for the CI. */
      readonly resamples: number;
      /** Where the curve crosses the criterion between whole threads: one more thread adds exactly `gain` of an ideal one at this real thread count; `threshold` is floor(crossing) + 1. */
      readonly crossing: number;
      /**
       * Calibrated 95% interval of the crossing (hence of where the plateau begins), in threads,
       * beside the bootstrap `ci95` of the threshold, which covered it 37-100% of the time (BENCHMARKS.md).
       */
      readonly interval: CalibratedInterval;
      /** Whether the threshold lies within the measured thread counts (else it is extrapolated). */
      readonly within_measured: boolean;
      /** The knee of the measured medians (Kneedle), as a cross-check; null when there is none. */
      readonly knee: number | null;
    }
  | {
      readonly status: 'none';
      readonly model: ModelName;
      readonly gain: number;
      /** The curve still gains at least `gain` per thread up to here. */
      readonly search_limit: number;
      /** Calibrated 95% interval of where the plateau begins (the crossing), open-ended when the data allow none at all. */
      readonly interval: CalibratedInterval;
      readonly knee: number | null;
    }
  | {
      readonly status: 'insufficient';
      readonly reason: string;
      readonly knee: number | null;
    };

/** A fitted curve's prediction at a thread count that may not have been measured. */
export interface Prediction extends CurvePrediction {
  readonly model: ModelName;
  /** Speedup (curve value over gamma) and its intervals. */
  readonly speedup: number;
  readonly speedup_ci95: Interval;
  readonly speedup_pi95: Interval;
  /** True when x lies outside the measured range: trust it less the further out it is. */
  readonly extrapolated: boolean;
}

/** Everything known about one group (one target, task type and task count; or one --by key). */
export interface GroupAnalysis<K, P extends ScalingPoint = ScalingPoint> {
  readonly key: K;
  readonly metric: Metric;
  readonly baseline_x: number;
  readonly points: readonly P[];
  readonly fits: GroupFits;
  readonly plateau: Plateau;
  readonly predictions: readonly Prediction[];
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

/** The analysis of any CSV: `poolscope analyze FILE.csv --x COL --y COL --json`. */
export interface ScalingAnalysis {
  readonly x: string;
  readonly y: string;
  readonly by: readonly string[];
  readonly metric: Metric;
  readonly groups: readonly GroupAnalysis<Readonly<Record<string, string>>>[];
}
