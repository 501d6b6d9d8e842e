import { insufficientFit, MIN_DISTINCT_X, type FitInsufficient, type FitOk, type FitOptions } from './fit-result.js';
import { leastSquares, summarize, type ModelSpec } from './_least-squares.js';
import { distinctCount, resolveXY } from './_input.js';
import type { ColumnSource, XYColumns } from '../table/column-table.js';
import type { IntervalOptions } from './calibrated-interval.js';
import { amdahlIntervals } from './amdahl-intervals.js';

/** Amdahl's parameters: the serial fraction s and the scale gamma (y at N = 1). */
export type AmdahlParam = 's' | 'gamma';

/**
 * Amdahl's law, y = gamma * N / (1 + s (N - 1)) (= gamma / (s + (1 - s)/N)), serial fraction
 * s in [0, 1]. On speedups measured from N = 1, gamma is fixed to 1 and only s is fitted.
 */
export interface AmdahlFitOk extends FitOk<AmdahlParam, 'amdahl'> {
  readonly s: number;
  readonly gamma: number;
  /** Whether gamma was fitted (true) or fixed to 1 (speedups with a measured N = 1). */
  readonly gamma_free: boolean;
  /** The curve's limit as N grows, gamma / s; null when s = 0 (no limit). */
  readonly asymptote: number | null;
}

export type AmdahlFit = AmdahlFitOk | FitInsufficient<'amdahl'>;

/** Options of `fitAmdahl`. */
export interface AmdahlOptions extends FitOptions, IntervalOptions {
  /**
   * Fit the scale gamma too (y is a throughput, or speedups not measured from N = 1). Default
   * false: y is a speedup S(N) = T(1)/T(N), so S(1) = 1 and only s is fitted.
   */
  gammaFree?: boolean;
}

/** Amdahl's law with gamma fixed to 1: S(N) = N / (1 + s (N - 1)) = 1 / (s + (1 - s) / N). */
export const speedupSpec: ModelSpec<'s'> = {
  names: ['s'],
  lower: [0],
  upper: [1],
  scaleIndex: null,
  value: (p, n) => n / (1 + p[0]! * (n - 1)),
  gradient: (p, n) => {
    const d = 1 + p[0]! * (n - 1);
    return [(-n * (n - 1)) / (d * d)];
  },
  starts: () => [[0.01], [0.1], [0.5], [0.9]],
};

/** Amdahl's law with a scale: X(N) = gamma N / (1 + s (N - 1)), i.e. the USL with kappa = 0. */
export const scaledSpec: ModelSpec<AmdahlParam> = {
  names: ['s', 'gamma'],
  lower: [0, 0],
  upper: [1, Number.MAX_VALUE],
  scaleIndex: 1,
  // p = [s, gamma], read by index (see uslSpec).
  value: (p, n) => (p[1]! * n) / (1 + p[0]! * (n - 1)),
  gradient: (p, n) => {
    const d = 1 + p[0]! * (n - 1);
    return [(-p[1]! * n * (n - 1)) / (d * d), n / d];
  },
  starts: (x, y) => {
    const gamma = Math.max(...y.map((v, i) => v / x[i]!));
    return [0.01, 0.1, 0.5, 0.9].map((s) => [s, gamma]);
  },
};

/** Amdahl's curve from its parameters, gamma N / (1 + s (N - 1)), gamma being 1 where it was fixed. */
export function amdahlCurve(params: Readonly<Record<AmdahlParam, number>>, n: number): number {
  return scaledSpec.value([params.s, params.gamma], n);
}

/** The limit of Amdahl's curve as N grows, gamma / s; null when s = 0 (it grows without bound). */
export function amdahlAsymptote(params: Readonly<Record<AmdahlParam, number>>): number | null {
  return params.s > 0 ? params.gamma / params.s : null;
}

/**
 * Fits Amdahl's law (Amdahl, AFIPS 1967; serial fraction s in [0, 1]) by bounded nonlinear least
 * squares. Returns `status: 'insufficient'` below 4 distinct x values.
 *
 * @example fitAmdahl([1, 2, 4, 8], [1, 1.8, 3.1, 4.7]).s
 */
export function fitAmdahl(x: ArrayLike<number>, y: ArrayLike<number>, options?: AmdahlOptions): AmdahlFit;
export function fitAmdahl(table: ColumnSource, options: XYColumns & AmdahlOptions): AmdahlFit;
export function fitAmdahl(a: ArrayLike<number> | ColumnSource, b?: ArrayLike<number> | (XYColumns & AmdahlOptions), c: AmdahlOptions = {}): AmdahlFit {
  const { x, y } = resolveXY(a, b);
  const options = Array.isArray(b) || ArrayBuffer.isView(b) ? c : ((b as AmdahlOptions | undefined) ?? {});
  return fitAmdahlPoints(x, y, options);
}

/** `fitAmdahl` on checked arrays. */
export function fitAmdahlPoints(x: readonly number[], y: readonly number[], options: AmdahlOptions = {}): AmdahlFit {
  const distinct = distinctCount(x);
  if (distinct < MIN_DISTINCT_X) return insufficientFit('amdahl', distinct);
  if (options.gammaFree) {
    const p = leastSquares(scaledSpec, x, y, options);
    const core = summarize(scaledSpec, x, y, p);
    const { s, gamma } = core.params;
    const intervals = amdahlIntervals(scaledSpec, x, y, p, true, options);
    const fit: AmdahlFitOk = { ...core, model: 'amdahl', s, gamma, gamma_free: true, asymptote: amdahlAsymptote(core.params), intervals };
    return fit;
  }
  const core = summarize(speedupSpec, x, y, leastSquares(speedupSpec, x, y, options));
  const { s } = core.params;
  const params = { s, gamma: 1 };
  const fit: AmdahlFitOk = {
    ...core,
    model: 'amdahl',
    // gamma is fixed, not estimated: it has no standard error.
    params,
    stderr: { ...core.stderr, gamma: null },
    ci95: { ...core.ci95, gamma: null },
    s,
    gamma: 1,
    gamma_free: false,
    asymptote: amdahlAsymptote(params),
    // The intervals fit a free scale on the log scale: there it only shifts the curve.
    intervals: amdahlIntervals(scaledSpec, x, y, [s, 1], false, options),
  };
  return fit;
}
