import type { FitInsufficient, FitOk } from './fit-result.js';
import { analysisMessages } from '../messages.js';
import { leastSquares, MIN_DISTINCT_X, summarize, type FitOptions, type ModelSpec } from './_least-squares.js';
import { distinctCount, resolveXY, type ColumnSource, type XYColumns } from './_input.js';

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
}

export type AmdahlFit = AmdahlFitOk | FitInsufficient;

/** Options of `fitAmdahl`. */
export interface AmdahlOptions extends FitOptions {
  /**
   * Fit the scale gamma too (y is a throughput, or speedups not measured from N = 1). Default
   * false: y is a speedup S(N) = T(1)/T(N), so S(1) = 1 and only s is fitted.
   */
  gammaFree?: boolean;
}

/** Amdahl's law with gamma fixed to 1: S(N) = N / (1 + s (N - 1)) = 1 / (s + (1 - s) / N). */
export const speedupSpec: ModelSpec<'s'> = {
  model: 'amdahl',
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
export const scaledSpec: ModelSpec<'s' | 'gamma'> = {
  model: 'amdahl',
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
  if (distinct < MIN_DISTINCT_X) return insufficient(distinct);
  if (options.gammaFree) {
    const core = summarize(scaledSpec, x, y, leastSquares(scaledSpec, x, y, options));
    const { s, gamma } = core.params;
    const fit: AmdahlFitOk = { ...core, model: 'amdahl', s, gamma, gamma_free: true, asymptote: s > 0 ? gamma / s : null };
    return fit;
  }
  const core = summarize(speedupSpec, x, y, leastSquares(speedupSpec, x, y, options));
  const { s } = core.params;
  const fit: AmdahlFitOk = {
    ...core,
    model: 'amdahl',
    // gamma is fixed, not estimated: it has no standard error.
    params: { s, gamma: 1 },
    stderr: { ...core.stderr, gamma: null },
    ci95: { ...core.ci95, gamma: null },
    s,
    gamma: 1,
    gamma_free: false,
    asymptote: s > 0 ? 1 / s : null,
  };
  return fit;
}

function insufficient(got: number): FitInsufficient {
  return { status: 'insufficient', model: 'amdahl', reason: analysisMessages.insufficientPoints(got, MIN_DISTINCT_X, 'x value'), needed: MIN_DISTINCT_X, got };
}
