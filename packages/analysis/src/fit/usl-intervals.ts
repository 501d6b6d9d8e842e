import type { CalibratedInterval, IntervalOptions } from './calibrated-interval.js';
import type { ModelSpec } from './_least-squares.js';
import { boundedEnds, boundedInterval, fitForProfile, logCoordinate, minimizeFrom, unavailable, untrustedFit, widenedBounds, type ProfileFit } from './_profile-fit.js';
import { logScale } from './_log-scale.js';
import { analysisMessages } from '../messages.js';

type UslParam = 'sigma' | 'kappa' | 'gamma';

/**
 * The USL on the log scale with sigma and kappa free to go below 0 (a curve that bends upward) and
 * sigma above 1, as far as `widenedBounds` allows: a profile stopped at a bound of 0 covers a true
 * value near it more often than 95% (its lower end cannot miss); searched past it and then held to
 * it by Feldman and Cousins' cutoff, it covers as it should (BENCHMARKS.md: kappa near 0).
 */
export function widenedLogUsl(uslSpec: ModelSpec<UslParam>, maxX: number): ModelSpec<UslParam> {
  const spec = logScale(uslSpec);
  return { ...spec, ...widenedBounds(spec, 2, 0, maxX) };
}

/**
 * The USL with the peak held at N* = q^(-1/2), i.e. kappa = (1 − sigma) q: a model of [sigma, gamma]
 * on the log scale, whose least squares over q is the profile of the peak. Sigma stays at most 1:
 * above, the curve falls from one thread on and q no longer places a peak.
 */
function peakHeld(spec: ModelSpec<UslParam>, q: number): ModelSpec<'sigma' | 'gamma'> {
  const full = (p: readonly number[]) => [p[0]!, (1 - p[0]!) * q, p[1]!];
  return {
    names: ['sigma', 'gamma'],
    lower: [spec.lower[0]!, 0],
    upper: [1, Number.MAX_VALUE],
    scaleIndex: null,
    value: (p, x) => spec.value(full(p), x),
    gradient: (p, x) => {
      const g = spec.gradient(full(p), x);
      return [g[0]! - q * g[1]!, g[2]!];
    },
    starts: () => [],
  };
}

/**
 * Calibrated 95% intervals of the USL's sigma, kappa, gamma and peak N* = sqrt((1 − sigma) / kappa)
 * of `uslSpec` (fit/usl.ts) from (x, y) and a least-squares `estimate` [sigma, kappa, gamma] to start
 * from: profile likelihood of the USL fitted to ln y, searched past the bounds of sigma and kappa and
 * held to them (`boundedInterval`).
 */
export function uslIntervals(
  uslSpec: ModelSpec<UslParam>,
  x: readonly number[],
  y: readonly number[],
  estimate: readonly number[],
  options: IntervalOptions = {},
): Record<UslParam | 'peak', CalibratedInterval> {
  const fit = fitForProfile(widenedLogUsl(uslSpec, Math.max(...x)), x, y.map(Math.log), estimate);
  const reason = untrustedFit(fit, x.length, 3);
  if (reason !== null || !fit) {
    const none = unavailable(reason ?? analysisMessages.intervalNotConverged);
    return { sigma: none, kappa: none, gamma: none, peak: none };
  }
  return {
    sigma: boundedInterval(fit, 0, [0, 1]),
    kappa: boundedInterval(fit, 1, [0, 1]),
    gamma: options.ratioTo === undefined ? boundedInterval(fit, 2, [0, Infinity], logCoordinate) : unavailable(analysisMessages.intervalSetByBaseline('gamma')),
    peak: peakInterval(fit),
  };
}

/** The interval of N*, from the profile of q = kappa / (1 − sigma) = 1 / N*², bounded by q >= 0 (kappa >= 0). */
function peakInterval(fit: ProfileFit<UslParam>): CalibratedInterval {
  const { spec, x, z, minimum } = fit;
  const [sigma, kappa, gamma] = minimum.p as [number, number, number];
  if (!(sigma < 1)) return unavailable(analysisMessages.intervalNoRise);
  const profile = {
    minimize: (q: number, start: readonly number[]) => minimizeFrom(peakHeld(spec, q), x, z, start),
    estimate: kappa / (1 - sigma),
    start: [sigma, gamma],
    // kappa = (1 − sigma) q reaches its widened bound where sigma is least.
    lower: spec.lower[1]! / (1 - spec.lower[0]!),
    upper: Infinity,
    step: fit.steps[1]! / (1 - sigma),
  };
  const q = boundedEnds(profile, fit, 0);
  if (!q || !(q.hi > 0)) return unavailable(analysisMessages.intervalNotConverged);
  return { status: 'ok', method: 'profile-log', ci95: [Number.isFinite(q.hi) ? 1 / Math.sqrt(q.hi) : 0, q.lo > 0 ? 1 / Math.sqrt(q.lo) : null] };
}
