import { insufficientFit, MIN_DISTINCT_X, type FitInsufficient, type FitOk, type FitOptions } from './fit-result.js';
import { leastSquares, summarize, type ModelSpec } from './_least-squares.js';
import { distinctCount, resolveXY } from './_input.js';
import type { ColumnSource, XYColumns } from '../table/column-table.js';
import type { IntervalOptions } from './calibrated-interval.js';
import { uslIntervals } from './usl-intervals.js';

/** The USL's parameters: contention sigma, coherency kappa and the scale gamma (y at N = 1). */
export type UslParam = 'sigma' | 'kappa' | 'gamma';

/**
 * The Universal Scalability Law (Gunther), y = gamma N / (1 + sigma (N - 1) + kappa N (N - 1)),
 * sigma, kappa in [0, 1], gamma >= 0. R `usl` names: sigma = alpha, kappa = beta, gamma = gamma.
 * Its `intervals` include the peak's x (N*) beside the parameters.
 */
export interface UslFitOk extends FitOk<UslParam, 'usl', UslParam | 'peak'> {
  readonly sigma: number;
  readonly kappa: number;
  readonly gamma: number;
  /**
   * Where the curve peaks: x = N* = sqrt((1 - sigma) / kappa), y its value there. Both null when
   * kappa = 0 (the curve never turns down).
   */
  readonly peak: { readonly x: number | null; readonly y: number | null };
}

export type UslFit = UslFitOk | FitInsufficient<'usl'>;

/**
 * The Universal Scalability Law (Gunther, Guerrilla Capacity Planning, 2007, eq. 4.31, with the
 * scale factor of the R `usl` package >= 2.0): X(N) = gamma N / (1 + sigma (N - 1) + kappa N (N - 1)).
 * Bounds and starting values as `usl::usl.solve.nls` (Moeding): sigma, kappa in [0, 1], gamma >= 0,
 * start sigma = 0.01, kappa = 0.0001, gamma = max(y / x); we add a few more starts and keep the best.
 */
export const uslSpec: ModelSpec<UslParam> = {
  names: ['sigma', 'kappa', 'gamma'],
  lower: [0, 0, 0],
  upper: [1, 1, Number.MAX_VALUE],
  scaleIndex: 2,
  // p = [sigma, kappa, gamma], read by index: destructuring costs more than the arithmetic.
  value: (p, n) => (p[2]! * n) / (1 + p[0]! * (n - 1) + p[1]! * n * (n - 1)),
  gradient: (p, n) => {
    const d = 1 + p[0]! * (n - 1) + p[1]! * n * (n - 1);
    const dd = (p[2]! * n) / (d * d);
    return [-dd * (n - 1), -dd * n * (n - 1), n / d];
  },
  starts: (x, y) => {
    const gamma = Math.max(...y.map((v, i) => v / x[i]!));
    const starts: number[][] = [];
    for (const sigma of [0.01, 0.1, 0.5, 0.9]) for (const kappa of [1e-4, 1e-2]) starts.push([sigma, kappa, gamma]);
    return starts;
  },
};

/** The USL's curve from its parameters. */
export function uslCurve(params: Readonly<Record<UslParam, number>>, n: number): number {
  return uslSpec.value([params.sigma, params.kappa, params.gamma], n);
}

/**
 * Where the USL's curve peaks: N* = sqrt((1 - sigma) / kappa), as R usl's `peak.scalability()`, and the
 * curve's value there; null when kappa = 0 (the curve never turns down).
 */
export function uslPeak(params: Readonly<Record<UslParam, number>>): { x: number; y: number } | null {
  if (!(params.kappa > 0)) return null;
  const x = Math.sqrt((1 - params.sigma) / params.kappa);
  return { x, y: uslCurve(params, x) };
}

/**
 * Fits the USL to (x, y) points (repeated x allowed, as R `usl` takes multi-valued data) by
 * bounded nonlinear least squares. Returns `status: 'insufficient'` below 4 distinct x values.
 *
 * @example fitUsl([1, 2, 4, 8], [1, 1.9, 3.4, 5.1]).sigma
 * @example fitUsl(table, { x: 'threads', y: 'throughput' })
 */
export function fitUsl(x: ArrayLike<number>, y: ArrayLike<number>, options?: FitOptions & IntervalOptions): UslFit;
export function fitUsl(table: ColumnSource, options: XYColumns & FitOptions & IntervalOptions): UslFit;
export function fitUsl(a: ArrayLike<number> | ColumnSource, b?: ArrayLike<number> | (XYColumns & FitOptions & IntervalOptions), c: FitOptions & IntervalOptions = {}): UslFit {
  const { x, y } = resolveXY(a, b);
  const options = Array.isArray(b) || ArrayBuffer.isView(b) ? c : ((b as (FitOptions & IntervalOptions) | undefined) ?? {});
  return fitUslPoints(x, y, options);
}

/** `fitUsl` on checked arrays. */
export function fitUslPoints(x: readonly number[], y: readonly number[], options: FitOptions & IntervalOptions = {}): UslFit {
  const distinct = distinctCount(x);
  if (distinct < MIN_DISTINCT_X) return insufficientFit('usl', distinct);
  const p = leastSquares(uslSpec, x, y, options);
  const core = summarize(uslSpec, x, y, p);
  const { sigma, kappa, gamma } = core.params;
  const peak = uslPeak(core.params);
  const fit: UslFitOk = {
    ...core,
    model: 'usl',
    sigma,
    kappa,
    gamma,
    peak: { x: peak?.x ?? null, y: peak?.y ?? null },
    intervals: uslIntervals(uslSpec, x, y, p, options),
  };
  return fit;
}
