/**
 * Calibrated 95% intervals (issue #17): what every fit's `intervals` and the plateau's `interval`
 * hold beside the linearised `ci95` (README, Methods, Calibrated intervals).
 */

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

/** Options of the calibrated intervals. */
export interface IntervalOptions {
  /** y are ratios to the measured y at this x (speedups): the scale gamma is then set by that one measurement and gets no interval. */
  ratioTo?: number;
}
