import type { ModelSpec } from './_least-squares.js';
import { gaussNewtonMinimize, type Minimum } from './_gauss-newton.js';
import { holdParameter } from './_hold-parameter.js';
import { invert } from './_linear-algebra.js';
import { profileInterval, type Profile } from './_profile-likelihood.js';
import { studentTQuantile } from '../stats/student-t.js';
import { analysisMessages } from '../messages.js';
import type { CalibratedInterval } from './calibrated-interval.js';

/**
 * The bounds of a model's search for its profiles, wider than the model's own: below 0, as far as any
 * curve that stays positive at every x up to `maxX` can go (1 + sigma (N − 1) + kappa N (N − 1) > 0:
 * sigma and kappa above −1 / (maxX − 1)); above a contention of 1 (sigma, s; no scaling at all), up
 * to 2, a curve whose one-thread throughput has halved at the largest x without coherency delay.
 * Searched past a bound and held to it (`boundedInterval`), an interval covers a true value near the
 * bound as it should; stopped at the bound, or at a bound nearer than the data reach, it covered more
 * than 95% (BENCHMARKS.md). Curves within these bounds that do not stay positive have no finite
 * residuals on the log scale, and every search turns back from them. `contention` is the index of
 * sigma or s; `shape` counts the parameters before the scale.
 */
export function widenedBounds(spec: ModelSpec<string>, shape: number, contention: number, maxX: number): { lower: number[]; upper: number[] } {
  return {
    lower: spec.lower.map((v, i) => (i < shape && maxX > 1 ? -1 / (maxX - 1) : v)),
    upper: spec.upper.map((v, i) => (i === contention ? 2 : v)),
  };
}

/** A fit on the log scale, from which profile intervals are drawn. */
export interface ProfileFit<P extends string> {
  /** The model on the log scale, with the bounds the profiles search within. */
  readonly spec: ModelSpec<P>;
  readonly x: readonly number[];
  /** The data on the spec's scale: ln y. */
  readonly z: readonly number[];
  readonly minimum: Minimum;
  readonly df: number;
  /** qt(0.975, df) x each parameter's linearised standard error (NaN where JᵀJ is singular): where a profile search first looks. */
  readonly steps: readonly number[];
  /** The linearised covariance (JᵀJ)⁻¹ RSS / df, null where JᵀJ is singular. */
  readonly covariance: number[][] | null;
}

/**
 * Least squares of `spec` to z (ln y, for a spec on the log scale) from `start`, the parameters
 * moved inside its bounds first. Null when the residual sum of squares is not finite there.
 */
export function fitForProfile<P extends string>(spec: ModelSpec<P>, x: readonly number[], z: readonly number[], start: readonly number[]): ProfileFit<P> | null {
  const inside = start.map((v, i) => Math.min(Math.max(v, spec.lower[i]!), spec.upper[i]!));
  const minimum = minimizeFrom(spec, x, z, inside);
  if (!Number.isFinite(minimum.rss)) return null;
  const k = spec.names.length;
  const df = x.length - k;
  const jtj = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const t of x) {
    const g = spec.gradient(minimum.p, t);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) jtj[i]![j]! += g[i]! * g[j]!;
  }
  const inverse = invert(jtj);
  const scale = df > 0 ? studentTQuantile(0.975, df) * Math.sqrt(minimum.rss / df) : Number.NaN;
  const steps = minimum.p.map((_, i) => (inverse && inverse[i]![i]! > 0 ? scale * Math.sqrt(inverse[i]![i]!) : Number.NaN));
  const covariance = inverse && df > 0 ? inverse.map((row) => row.map((v) => (v * minimum.rss) / df)) : null;
  return { spec, x, z, minimum, df, steps, covariance };
}

/**
 * `gaussNewtonMinimize` from `start`, and when its curve does not stay positive there (no finite
 * residuals on the log scale), from `start` moved into the physical bounds, where every parameter is
 * at least 0 and the curve is positive.
 */
export function minimizeFrom<P extends string>(spec: ModelSpec<P>, x: readonly number[], z: readonly number[], start: readonly number[]): Minimum {
  const m = gaussNewtonMinimize(spec, x, z, start);
  return Number.isFinite(m.rss) ? m : gaussNewtonMinimize(spec, x, z, start.map((v) => Math.max(v, 0)));
}

/** A one-to-one coordinate for a parameter's profile search (ln gamma for a scale, say). */
export interface Coordinate {
  to(value: number): number;
  from(u: number): number;
  /** d to / d value at `value`: carries a step in the parameter into the coordinate. */
  slope(value: number): number;
}

const identity: Coordinate = { to: (v) => v, from: (u) => u, slope: () => 1 };

/** ln of a positive parameter: the natural coordinate of a scale on the log scale. */
export const logCoordinate: Coordinate = { to: Math.log, from: Math.exp, slope: (v) => 1 / v };

/** The profile of parameter `index` of `fit`, searched in `coordinate` of it. */
export function parameterProfile<P extends string>(fit: ProfileFit<P>, index: number, coordinate: Coordinate = identity): Profile {
  const { spec, x, z, minimum } = fit;
  const value = minimum.p[index]!;
  return {
    minimize: (u, start) => minimizeFrom(holdParameter(spec, index, coordinate.from(u)), x, z, start),
    estimate: coordinate.to(value),
    start: minimum.p.filter((_, i) => i !== index),
    lower: coordinate.to(spec.lower[index]!),
    upper: coordinate.to(spec.upper[index]!),
    step: fit.steps[index]! * coordinate.slope(value),
  };
}

/**
 * Why no interval can be drawn from `fit` at all, or null: fewer than `df` residual degrees of
 * freedom (the fits' 4 thread counts always leave one, and from one on the calibration study found
 * the parameters' intervals calibrated, BENCHMARKS.md), no fit on the log scale, or no noise
 * beyond rounding.
 */
export function untrustedFit<P extends string>(fit: ProfileFit<P> | null, points: number, parameters: number, df = 1): string | null {
  if (points - parameters < df) return analysisMessages.intervalTooFewPoints(points, parameters, df);
  if (!fit) return analysisMessages.intervalNotConverged;
  // Residuals of a billionth on the log scale (relative ones, on y) are rounding, not measurement noise.
  if (!(Math.sqrt(fit.minimum.rss / points) > 1e-9)) return analysisMessages.intervalExactFit;
  return null;
}

/** An interval that could not be given, and why. */
export const unavailable = (reason: string): CalibratedInterval => ({ status: 'unavailable', method: 'profile-log', reason });

/**
 * A parameter's profile interval, searched within the widened bounds of `fit.spec`: where they reach
 * past the parameter's own `bounds`, [lo, hi], the profile is Feldman & Cousins' there (see
 * `profileInterval`), so the interval stays within them and still covers a value next to them 95%
 * of the time.
 */
export function boundedInterval<P extends string>(fit: ProfileFit<P>, index: number, bounds: readonly [number, number], coordinate: Coordinate = identity): CalibratedInterval {
  const ends = boundedEnds(parameterProfile(fit, index, coordinate), fit, coordinate.to(bounds[0]), coordinate.to(bounds[1]));
  if (!ends) return unavailable(analysisMessages.intervalNotConverged);
  const hi = Math.min(coordinate.from(ends.hi), bounds[1]);
  return { status: 'ok', method: 'profile-log', ci95: [Math.max(coordinate.from(ends.lo), bounds[0]), Number.isFinite(hi) ? hi : null] };
}

/** The ends of `profile`'s interval, bounded by `lower` and `upper` where its search reaches past them; null when a minimization failed. */
export function boundedEnds<P extends string>(profile: Profile, fit: ProfileFit<P>, lower: number, upper = Infinity): { lo: number; hi: number } | null {
  const bounds = { lowerBound: lower > profile.lower ? lower : undefined, upperBound: upper < profile.upper ? upper : undefined };
  const { lo, hi } = profileInterval({ ...profile, ...bounds }, fit.minimum.rss, fit.df);
  return lo && hi ? { lo: lo.value, hi: hi.value } : null;
}
