/**
 * What every fit returns, whatever the model: one result shape for the family (`fit/amdahl.ts`,
 * `fit/usl.ts`). Plain JSON once its functions (`predict`, `interval`) are dropped, which
 * `JSON.stringify` does; a fit that cannot be made says so with `status: 'insufficient'`, never NaN.
 */
import type { Interval } from '../stats/describe.js';
import { analysisMessages } from '../messages.js';
import type { CalibratedInterval } from './calibrated-interval.js';

/** Options every fit accepts. */
export interface FitOptions {
  /** Levenberg-Marquardt iterations of the best start, after every start's first 10 (`SCREEN_ITERATIONS`). Default 200. */
  maxIterations?: number;
  /** Start from these parameter values only (in the model's order), e.g. a previous fit's. Default: the model's multi-start grid. */
  start?: readonly number[];
}

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

/**
 * What every successful fit of model M (its name in `MODELS`) with parameters P returns; I names
 * its calibrated intervals: its parameters, and the values derived from them that it places (the
 * USL's `peak`).
 */
export interface FitOk<P extends string, M extends string = string, I extends string = P> {
  readonly status: 'ok';
  readonly model: M;
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
  /**
   * Calibrated 95% intervals beside the linearised `ci95` (README, Methods, Calibrated intervals):
   * each parameter's, unavailable with the reason where there is none (a scale fixed or set by the
   * baseline), and a derived value's by its name (`peak`: the x of the USL's peak, N*).
   */
  readonly intervals: Readonly<Record<I, CalibratedInterval>>;
  /** The fitted curve at any x. Dropped from JSON. */
  predict(x: number): number;
  /** The fitted curve at x with 95% confidence and prediction intervals. Dropped from JSON. */
  interval(x: number): CurvePrediction;
}

/** A fit of model M that was not attempted, and why (never NaN parameters). */
export interface FitInsufficient<M extends string = string> {
  readonly status: 'insufficient';
  readonly model: M;
  /** A sentence from the messages catalogue ("insufficient data: 3 distinct x values, 4 needed"). */
  readonly reason: string;
  readonly needed: number;
  readonly got: number;
}

/** The number of distinct x values a fit needs (issue #5: fewer than 4 thread counts is too few). */
export const MIN_DISTINCT_X = 4;

/** The fit of model M to `got` distinct x values, too few to fit. */
export function insufficientFit<M extends string>(model: M, got: number): FitInsufficient<M> {
  return { status: 'insufficient', model, reason: analysisMessages.insufficientPoints(got, MIN_DISTINCT_X, 'x value'), needed: MIN_DISTINCT_X, got };
}
