import type { CurvePrediction, FitOk } from '../fit/fit-result.js';
import { MODEL_NAMES, modelEntry, type FitOf, type GroupFits, type ModelFit, type ModelName } from '../fit/models.js';
import { leastSquares } from '../fit/_least-squares.js';
import { gaussNewtonSteps } from '../fit/_gauss-newton.js';
import { analysisMessages } from '../messages.js';
import { percentileInterval, type Interval } from '../stats/describe.js';
import type { Random } from '../stats/random.js';
import type { Cell } from './cells.js';
import { kneedle } from './kneedle.js';
import { plateauSearchLimit, plateauThreshold, type Curve, type Plateau } from './plateau.js';
import { plateauInterval } from './plateau-interval.js';
import { crossingOf } from './plateau-crossing.js';
import type { Metric } from './speedup-table.js';

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
 * Fits every model of the registry to one group's points and picks the one with the lowest AIC.
 * What a model needs of the group besides its points (whether y is a time, the baseline) is in
 * `context`: Amdahl's gamma, for one, is fixed to 1 on speedups measured from x = 1.
 */
export function fitGroup(x: readonly number[], y: readonly number[], metric: Metric, baselineX: number): GroupFits {
  const context = { metric, baselineX };
  const fits: Partial<Record<ModelName, ModelFit>> = {};
  for (const name of MODEL_NAMES) fits[name] = modelEntry(name).fit(x, y, context);
  // Every name got its own model's fit, which a loop cannot show the type checker.
  const byModel = fits as { readonly [M in ModelName]: FitOf<M> };
  return { ...byModel, preferred: preferred(byModel) };
}

/** The fitted model with the lowest AIC; the earlier in the registry on a tie (fewer parameters). */
export function preferred(fits: { readonly [M in ModelName]: FitOf<M> }): ModelName | null {
  let best: ModelName | null = null;
  let bestAic = Infinity;
  for (const name of MODEL_NAMES) {
    const fit = fits[name];
    if (fit.status === 'ok' && (best === null || fit.aic < bestAic)) {
      best = name;
      bestAic = fit.aic;
    }
  }
  return best;
}

/** The preferred model's fit, or null when no model could be fitted. */
export function preferredFit(fits: GroupFits): FitOk<string, ModelName> | null {
  if (fits.preferred === null) return null;
  const fit = fits[fits.preferred];
  return fit.status === 'ok' ? fit : null;
}

/** Why no model could be fitted: the first model's reason (they share it: too few x values). */
function unfittedReason(fits: GroupFits): string {
  for (const name of MODEL_NAMES) {
    const fit = fits[name];
    if (fit.status === 'insufficient') return fit.reason;
  }
  return analysisMessages.noFit;
}

/** The preferred fit as a curve, or null. Its unit is its value at N = 1, gamma: what one ideal thread adds. */
export function preferredCurve(fits: GroupFits): Curve | null {
  const fit = preferredFit(fits);
  return fit && { model: fit.model, unit: fit.predict(1), predict: fit.predict };
}

/**
 * The preferred model's curve on bootstrap replicate y values, from its parameters after `steps`
 * Gauss-Newton steps from the point estimate (the k-step bootstrap, see `gaussNewtonSteps` and
 * the README) on the least-squares problem the model's fit solved; `steps = Infinity` refits with
 * Levenberg-Marquardt from there instead, as a full bootstrap would (the x values, hence enough
 * of them, are the point estimate's).
 */
export function replicateCurve(fits: GroupFits, x: readonly number[], y: readonly number[], steps: number): Curve | null {
  const fit = preferredFit(fits);
  if (!fit) return null;
  const spec = modelEntry(fit.model).spec(fit);
  const start = spec.names.map((name) => fit.params[name]!);
  const p = Number.isFinite(steps) ? gaussNewtonSteps(spec, x, y, start, steps) : leastSquares(spec, x, y, { start });
  return { model: fit.model, unit: spec.value(p, 1), predict: (t) => spec.value(p, t) };
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
  if (!curve) return { status: 'insufficient', reason: unfittedReason(fits), knee };
  const maxX = Math.max(...x);
  const limit = plateauSearchLimit(maxX);
  const threshold = plateauThreshold(curve, options.gain, limit);
  const interval = plateauInterval(fits, x, y, options.gain, limit);
  if (threshold === null) return { status: 'none', model: curve.model, gain: options.gain, search_limit: limit, interval, knee };
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
    crossing: crossingOf(curve, options.gain, threshold),
    interval,
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
  const fit = preferredFit(fits);
  if (cells.every((c) => c.stats.n === 1) && fit && fit.df > 0) {
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
  const fit = preferredFit(fits);
  if (!fit) return [];
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
