import type { AmdahlFit } from '../fit/amdahl.js';
import type { CurvePrediction } from '../fit/fit-result.js';
import type { GroupFits, ModelName } from '../fit/models.js';
import type { UslFit } from '../fit/usl.js';
import type { Interval } from '../stats/describe.js';
import type { Plateau } from './plateau.js';
import type { Metric } from './speedup-table.js';
import { fitAmdahlPoints, scaledSpec, speedupSpec } from '../fit/amdahl.js';
import { fitUslPoints, uslSpec } from '../fit/usl.js';
import { leastSquares, type ModelSpec } from '../fit/_least-squares.js';
import { gaussNewtonSteps } from '../fit/_gauss-newton.js';
import { analysisMessages } from '../messages.js';
import { percentileInterval } from '../stats/describe.js';
import type { Cell } from './cells.js';
import type { Random } from '../stats/random.js';
import { kneedle } from './kneedle.js';
import { plateauSearchLimit, plateauThreshold, type Curve } from './plateau.js';

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

/**
 * Fits Amdahl and the USL to one group's points and picks the better by AIC. On speedups measured
 * from x = 1 Amdahl's gamma is fixed to 1 (S(1) = 1); otherwise it is fitted like the USL's.
 */
export function fitGroup(x: readonly number[], y: readonly number[], metric: Metric, baselineX: number): GroupFits {
  const amdahl = fitAmdahlPoints(x, y, { gammaFree: metric === 'throughput' || baselineX !== 1 });
  const usl = fitUslPoints(x, y);
  return { amdahl, usl, preferred: preferred(amdahl, usl) };
}

/** The model with the lower AIC; Amdahl on a tie (fewer parameters). */
export function preferred(amdahl: AmdahlFit, usl: UslFit): ModelName | null {
  if (amdahl.status === 'ok' && usl.status === 'ok') return usl.aic < amdahl.aic ? 'usl' : 'amdahl';
  if (usl.status === 'ok') return 'usl';
  if (amdahl.status === 'ok') return 'amdahl';
  return null;
}

/** The preferred fit as a curve, or null. */
export function preferredCurve(fits: GroupFits): Curve | null {
  if (fits.preferred === 'usl' && fits.usl.status === 'ok') return { model: 'usl', unit: fits.usl.gamma, predict: fits.usl.predict };
  if (fits.preferred === 'amdahl' && fits.amdahl.status === 'ok') return { model: 'amdahl', unit: fits.amdahl.gamma, predict: fits.amdahl.predict };
  return null;
}

/**
 * The preferred model's curve on bootstrap replicate y values, from its parameters after `steps`
 * Gauss-Newton steps from the point estimate (the k-step bootstrap, see `gaussNewtonSteps` and
 * the README); `steps = Infinity` refits with Levenberg-Marquardt from there instead, as a full
 * bootstrap would (the x values, hence enough of them, are the point estimate's).
 */
export function replicateCurve(fits: GroupFits, x: readonly number[], y: readonly number[], steps: number): Curve | null {
  const refine = <P extends string>(spec: ModelSpec<P>, start: number[]) =>
    Number.isFinite(steps) ? gaussNewtonSteps(spec, x, y, start, steps) : leastSquares(spec, x, y, { start });
  if (fits.preferred === 'usl' && fits.usl.status === 'ok') {
    const { sigma, kappa, gamma } = fits.usl;
    const p = refine(uslSpec, [sigma, kappa, gamma]);
    return { model: 'usl', unit: p[2]!, predict: (t) => uslSpec.value(p, t) };
  }
  if (fits.preferred === 'amdahl' && fits.amdahl.status === 'ok') {
    const a = fits.amdahl;
    if (a.gamma_free) {
      const p = refine(scaledSpec, [a.s, a.gamma]);
      return { model: 'amdahl', unit: p[1]!, predict: (t) => scaledSpec.value(p, t) };
    }
    const p = refine(speedupSpec, [a.s]);
    return { model: 'amdahl', unit: 1, predict: (t) => speedupSpec.value(p, t) };
  }
  return null;
}

/**
 * Gauss-Newton steps per plateau bootstrap replicate (k of the k-step bootstrap): chosen by
 * comparing the intervals with those of full refits (README, Methods, Plateau).
 */
export const PLATEAU_REPLICATE_STEPS = 3;

/** Options of the plateau search. */
export interface PlateauOptions {
  gain: number;
  /** Bootstrap replicates for the CI. */
  resamples: number;
  /** Gauss-Newton steps per replicate (Infinity: a full refit). Default `PLATEAU_REPLICATE_STEPS`. */
  steps?: number;
}

/**
 * The plateau threshold of a group from its preferred fit, a percentile bootstrap CI from k-step
 * refits to replicate b of every cell (`replicateY(b)`), and the Kneedle knee of the measured values.
 */
export function findGroupPlateau(
  fits: GroupFits,
  x: readonly number[],
  y: readonly number[],
  replicateY: (b: number) => number[],
  options: PlateauOptions,
): Plateau {
  const knee = kneedle(x, y);
  const curve = preferredCurve(fits);
  if (!curve) return { status: 'insufficient', reason: fits.usl.status === 'insufficient' ? fits.usl.reason : analysisMessages.noFit, knee };
  const maxX = Math.max(...x);
  const limit = plateauSearchLimit(maxX);
  const threshold = plateauThreshold(curve, options.gain, limit);
  if (threshold === null) return { status: 'none', model: curve.model, gain: options.gain, search_limit: limit, knee };
  const thresholds: number[] = [];
  for (let b = 0; b < options.resamples; b++) {
    const replicate = replicateCurve(fits, x, replicateY(b), options.steps ?? PLATEAU_REPLICATE_STEPS);
    if (!replicate) continue;
    // Replicates that never plateau count as beyond the limit: they widen the CI's upper end.
    thresholds.push(plateauThreshold(replicate, options.gain, limit) ?? Infinity);
  }
  let ci: readonly [number, number | null] = [threshold, threshold];
  if (thresholds.length > 0) {
    const [lo, hi] = percentileInterval(Float64Array.from(thresholds));
    ci = [Math.floor(lo), Number.isFinite(hi) ? Math.ceil(hi) : null];
  }
  return {
    status: 'found',
    threshold,
    model: curve.model,
    gain: options.gain,
    ci95: ci,
    resamples: thresholds.length,
    within_measured: threshold <= maxX,
    knee,
  };
}

/**
 * Bootstrap replicate b of a group's fitted y values (speedups for time, medians for throughput),
 * from the cells' median replicates. When every cell holds a single observation there is nothing
 * to resample within cells: replicates then come from the residual bootstrap of the preferred fit
 * (fitted + resampled residuals scaled by sqrt(n / df); Davison & Hinkley, Bootstrap Methods and
 * their Application, 1997, alg. 6.1).
 */
export function replicateValues(cells: readonly Cell[], metric: Metric, baseIndex: number, fits: GroupFits, random: Random): (b: number) => number[] {
  const base = cells[baseIndex]!;
  const fit = fits.preferred === 'usl' ? fits.usl : fits.preferred === 'amdahl' ? fits.amdahl : null;
  if (cells.every((c) => c.stats.n === 1) && fit && fit.status === 'ok' && fit.df > 0) {
    const inflate = Math.sqrt(fit.n / fit.df);
    return () => fit.fitted.map((v) => Math.max(Number.MIN_VALUE, v + inflate * fit.residuals[Math.floor(random() * fit.n)]!));
  }
  return (b) =>
    cells.map((cell) => {
      if (metric === 'throughput') return cell.replicates[b]!;
      return cell === base ? 1 : base.replicates[b]! / cell.replicates[b]!;
    });
}

/**
 * The preferred fit's predictions at `at`, with 95% confidence and prediction intervals; speedups
 * are the curve over the baseline's measured value (the curve itself for time, already a speedup).
 */
export function predictGroup(fits: GroupFits, at: readonly number[], measured: readonly number[], speedupUnit: number): Prediction[] {
  const fit = fits.preferred === 'usl' ? fits.usl : fits.preferred === 'amdahl' ? fits.amdahl : null;
  if (!fit || fit.status !== 'ok') return [];
  const lo = Math.min(...measured);
  const hi = Math.max(...measured);
  // Speedups and throughputs are never negative: clip interval ends at 0.
  const clip = (i: Interval): Interval => [Math.max(0, i[0]), Math.max(0, i[1])];
  const scale = (i: Interval): Interval => [i[0] / speedupUnit, i[1] / speedupUnit];
  return at.map((x) => {
    const raw = fit.interval(x);
    const p = { ...raw, ci95: clip(raw.ci95), pi95: clip(raw.pi95) };
    return {
      ...p,
      model: fit.model,
      speedup: p.y / speedupUnit,
      speedup_ci95: scale(p.ci95),
      speedup_pi95: scale(p.pi95),
      extrapolated: x < lo || x > hi,
    };
  });
}
