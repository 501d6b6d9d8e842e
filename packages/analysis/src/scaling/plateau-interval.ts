import type { CalibratedInterval } from '../fit/calibrated-interval.js';
import { MODELS, type GroupFits } from '../fit/models.js';
import type { ModelSpec } from '../fit/_least-squares.js';
import { fitForProfile, minimizeFrom, unavailable, untrustedFit } from '../fit/_profile-fit.js';
import { profileInterval } from '../fit/_profile-likelihood.js';
import { uslSpec } from '../fit/usl.js';
import { widenedLogUsl } from '../fit/usl-intervals.js';
import { analysisMessages } from '../messages.js';
import { crossingOf, kappaForCrossing, sigmaForCrossing } from './plateau-crossing.js';
import { plateauThreshold } from './plateau.js';

/**
 * Residual degrees of freedom the plateau's interval needs: with one (4 thread counts), where the
 * plateau lies far beyond the x measured, the study found it covering 97.6% of the time with one
 * repetition at 10% noise (BENCHMARKS.md), too often to call 95%. From two (5 thread counts) on it
 * covered 93.7-97.4%.
 */
export const PLATEAU_INTERVAL_DF = 2;

/**
 * A calibrated 95% interval of where the plateau begins: of the crossing c (plateau-crossing.ts),
 * the real thread count at which one more thread adds exactly `gain` of an ideal one, whose
 * threshold is floor(c) + 1. The profile likelihood of c for the USL on the log scale, kappa
 * solved from (sigma, c), searched in ln c from 1 to `limit`: lo 0 when the profile stays below
 * the cutoff down to one thread, hi null when it does up to `limit` (the data allow no plateau).
 *
 * Of the crossing rather than of the whole-thread threshold: an interval of whole threads covers
 * its threshold far more than 95% of the time once the data place c within a thread or two (every
 * interval that holds one whole thread then holds the right one), however its ends are rounded
 * (BENCHMARKS.md). And from the USL whichever model is preferred: it holds Amdahl's law as
 * kappa = 0, so its interval covers the true crossing of either; Amdahl's own, on USL data that it
 * fitted better by AIC, missed it.
 */
export function plateauInterval(fits: GroupFits, x: readonly number[], y: readonly number[], gain: number, limit: number): CalibratedInterval {
  if (fits.usl.status !== 'ok') return unavailable(fits.usl.reason);
  const { sigma, kappa, gamma } = fits.usl;
  // Kappa held at 0 and up: a curve that bends upward (kappa < 0) may fall through the gain and
  // rise back above it, and has no single crossing to profile. Sigma goes below 0 as for its own interval.
  const widened = widenedLogUsl(uslSpec, Math.max(...x));
  const spec = { ...widened, lower: [widened.lower[0]!, 0, 0] };
  const fit = fitForProfile(spec, x, y.map(Math.log), [sigma, kappa, gamma]);
  const reason = untrustedFit(fit, x.length, 3, PLATEAU_INTERVAL_DF);
  if (reason !== null || !fit) return unavailable(reason ?? analysisMessages.intervalNotConverged);
  const [s, k, g] = fit.minimum.p as [number, number, number];
  // The curve over its gamma (the registry's, at gamma 1): the crossing does not depend on the scale.
  const params = { sigma: s, kappa: k, gamma: 1 };
  const curve = { model: 'usl' as const, unit: 1, predict: (n: number) => MODELS.usl.curve(params, n) };
  const threshold = plateauThreshold(curve, gain, limit);
  const top = Math.log(limit);
  // The profile is searched in ln c: crossings from 1 to thousands of threads.
  const { lo, hi } = profileInterval(
    {
      minimize: (u, start) => minimizeFrom(crossingHeld(spec, Math.exp(u), gain), x, fit.z, start),
      estimate: threshold === null ? top : Math.max(0, Math.log(crossingOf(curve, gain, threshold))),
      start: [s, g],
      lower: 0,
      upper: top,
      step: 0.25,
    },
    fit.minimum.rss,
    fit.df,
  );
  if (!lo || !hi) return unavailable(analysisMessages.intervalNotConverged);
  // Down to one thread: the crossing may be anywhere below it too (the threshold is then 1).
  return { status: 'ok', method: 'profile-log', ci95: [lo.atBound ? 0 : Math.exp(lo.value), hi.atBound ? null : Math.exp(hi.value)] };
}

/** The (log-scale) USL with its crossing held at c: a model of [sigma, gamma], kappa >= 0 solved from them. */
function crossingHeld(spec: ModelSpec<'sigma' | 'kappa' | 'gamma'>, c: number, gain: number): ModelSpec<'sigma' | 'gamma'> {
  // Every residual and gradient of one step asks for the same sigma: solve for its kappa once.
  let sigma = Number.NaN;
  let solved: ReturnType<typeof kappaForCrossing> = null;
  const full = (p: readonly number[]) => {
    if (p[0] !== sigma) {
      sigma = p[0]!;
      solved = kappaForCrossing(sigma, c, gain);
    }
    // At sigmaForCrossing kappa is 0 but for rounding, which may leave it a hair below.
    return solved === null || solved.kappa < -1e-12 ? null : { p: [p[0]!, Math.max(0, solved.kappa), p[1]!], slope: solved.slope };
  };
  return {
    names: ['sigma', 'gamma'],
    // Above sigmaForCrossing no kappa >= 0 crosses at c: a bound keeps every search on curves that do.
    lower: [spec.lower[0]!, 0],
    upper: [Math.max(spec.lower[0]!, Math.min(1, sigmaForCrossing(c, gain))), Number.MAX_VALUE],
    scaleIndex: null,
    value: (p, n) => {
      const f = full(p);
      return f === null ? Number.NaN : spec.value(f.p, n);
    },
    gradient: (p, n) => {
      const f = full(p);
      if (f === null) return [Number.NaN, Number.NaN];
      const d = spec.gradient(f.p, n);
      return [d[0]! + d[1]! * f.slope, d[2]!];
    },
    starts: () => [],
  };
}
