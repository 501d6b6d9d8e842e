import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import type { Interval } from '../stats/describe.js';
import type { CurvePrediction, FitOk, FitOptions } from './fit-result.js';
import { studentTQuantile } from '../stats/student-t.js';
import { invert, quadraticForm } from './_linear-algebra.js';

/** A model the bounded least-squares machinery can fit: its curve, gradient, bounds and starts. */
export interface ModelSpec<P extends string> {
  /** The fitted parameters, in the order of every parameter vector. */
  readonly names: readonly P[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** The parameter that scales with y (gamma), so fits run on y / max(y); null if none. */
  readonly scaleIndex: number | null;
  value(p: readonly number[], x: number): number;
  /** ∂value/∂p at x, in `names` order. */
  gradient(p: readonly number[], x: number): number[];
  /** Starting points for y scaled to max 1. */
  starts(x: readonly number[], y: readonly number[]): number[][];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/**
 * Bounded nonlinear least squares: ml-levenberg-marquardt (parameters clamped to their bounds after
 * every step, analytical Jacobian) on y scaled to a maximum of 1, so one tolerance suits seconds
 * and millions of operations per second alike. Every start runs `SCREEN_ITERATIONS` iterations;
 * the best then continues from where it got to for `maxIterations` more. Returns the best
 * parameters on the original scale.
 */
export function leastSquares<P extends string>(spec: ModelSpec<P>, x: readonly number[], y: readonly number[], options: FitOptions = {}): number[] {
  // Without a scale parameter the model's y is fixed in size (a speedup): fit it as it is.
  const yScale = spec.scaleIndex === null ? 1 : Math.max(...y.map(Math.abs)) || 1;
  const ys = y.map((v) => v / yScale);
  const toScaled = (p: readonly number[]) => p.map((v, i) => (i === spec.scaleIndex ? v / yScale : v));
  const starts = options.start ? [toScaled(options.start)] : spec.starts(x, ys);
  const maxIterations = options.maxIterations ?? 200;
  let best: LmResult | null = null;
  for (const start of starts) {
    const result = runLibrary(spec, x, ys, start.map((v, i) => clamp(v, spec.lower[i]!, spec.upper[i]!)), Math.min(SCREEN_ITERATIONS, maxIterations));
    if (result && (!best || result.parameterError < best.parameterError)) best = result;
  }
  if (best && maxIterations > SCREEN_ITERATIONS) {
    const polished = runLibrary(spec, x, ys, best.parameterValues, maxIterations);
    if (polished && polished.parameterError < best.parameterError) best = polished;
  }
  const p = best?.parameterValues ?? starts[0]!;
  return p.map((v, i) => (i === spec.scaleIndex ? v * yScale : v));
}

/**
 * Iterations every start runs before the best one continues. The library stops only when the
 * error falls below `errorTolerance`, which noisy data never do, so each call runs all its
 * iterations; yet 450 of 480 starts on bench-shaped groups improve no more after ten (the others
 * creep along a bound), and running every start to 200 iterations cost the 1,000,000-row analysis
 * 0.3 s. Fits agree with that to the last bit but where the library creeps (README, Fits).
 */
const SCREEN_ITERATIONS = 10;

interface LmResult {
  parameterValues: number[];
  parameterError: number;
}

/**
 * One ml-levenberg-marquardt run; null when its error is not finite, or when it throws: ml-matrix's
 * LU inverse, its fallback when Cholesky fails, throws when JᵀJ + damping I is singular to
 * rounding (nearly collinear parameters). That start failed; the others may not have.
 */
function runLibrary<P extends string>(spec: ModelSpec<P>, x: readonly number[], ys: readonly number[], initialValues: number[], maxIterations: number): LmResult | null {
  try {
    const result = levenbergMarquardt({ x, y: ys }, (p) => (t) => spec.value(p, t), {
      initialValues,
      minValues: spec.lower,
      maxValues: spec.upper,
      jacobianFunction: (p) => (t) => spec.gradient(p, t),
      // Used only if the analytical Jacobian were absent: a small step, as kappa lives near 1e-4.
      gradientDifference: 1e-6,
      maxIterations,
      errorTolerance: 1e-14,
      damping: 1e-2,
    });
    return Number.isFinite(result.parameterError) ? result : null;
  } catch {
    return null;
  }
}

/**
 * Residuals, standard errors and intervals of a fit at parameters `p`, as R's `nls` summary and the
 * `usl` package compute them: residual variance RSS / df, covariance (JᵀJ)⁻¹ · RSS / df with J the
 * Jacobian at the estimate, CIs estimate ± qt(0.975, df) · stderr (the `usl` package's `confint`),
 * here clipped to the bounds. The calibrated `intervals` are each model's own (fit/usl-intervals.ts).
 */
export function summarize<P extends string>(spec: ModelSpec<P>, x: readonly number[], y: readonly number[], p: readonly number[]): Omit<FitOk<P>, 'model' | 'intervals'> {
  const n = x.length;
  const k = spec.names.length;
  const fitted = x.map((t) => spec.value(p, t));
  const residuals = y.map((v, i) => v - fitted[i]!);
  const rss = residuals.reduce((s, r) => s + r * r, 0);
  const df = n - k;
  const variance = rss / df;
  const rse = Math.sqrt(variance);
  const jtj = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const t of x) {
    const g = spec.gradient(p, t);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) jtj[i]![j]! += g[i]! * g[j]!;
  }
  const inverse = invert(jtj);
  const tq = studentTQuantile(0.975, df);
  const params = {} as Record<P, number>;
  const stderr = {} as Record<P, number | null>;
  const ci95 = {} as Record<P, Interval | null>;
  const atBound: P[] = [];
  spec.names.forEach((name, i) => {
    const value = p[i]!;
    params[name] = value;
    const se = inverse && inverse[i]![i]! >= 0 ? Math.sqrt(inverse[i]![i]! * variance) : null;
    stderr[name] = se;
    ci95[name] = se === null ? null : [Math.max(spec.lower[i]!, value - tq * se), Math.min(spec.upper[i]!, value + tq * se)];
    if (value <= spec.lower[i]! || value >= spec.upper[i]!) atBound.push(name);
  });
  // A perfect fit has RSS 0 and ln(0) = -Infinity: floor RSS at rounding level so AIC stays finite.
  const yMax = Math.max(...y.map(Math.abs));
  const rssForAic = Math.max(rss, n * (Number.EPSILON * yMax) ** 2);
  const aic = n * Math.log(rssForAic / n) + 2 * (k + 1);
  const predict = (t: number) => spec.value(p, t);
  const interval = (t: number): CurvePrediction => {
    const value = predict(t);
    const g = spec.gradient(p, t);
    const curveVariance = inverse ? Math.max(0, quadraticForm(inverse, g) * variance) : variance;
    const ci = tq * Math.sqrt(curveVariance);
    const pi = tq * Math.sqrt(curveVariance + variance);
    return { x: t, y: value, ci95: [value - ci, value + ci], pi95: [value - pi, value + pi] };
  };
  return {
    status: 'ok',
    x: [...x],
    y: [...y],
    fitted,
    residuals,
    n,
    df,
    rss,
    rse,
    aic,
    params,
    stderr,
    ci95,
    at_bound: atBound,
    predict,
    interval,
  };
}
