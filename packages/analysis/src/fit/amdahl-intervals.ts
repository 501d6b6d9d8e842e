import type { CalibratedInterval, IntervalOptions } from './calibrated-interval.js';
import type { ModelSpec } from './_least-squares.js';
import { boundedInterval, fitForProfile, logCoordinate, unavailable, untrustedFit, widenedBounds } from './_profile-fit.js';
import { logScale } from './_log-scale.js';
import { analysisMessages } from '../messages.js';

/** Amdahl's law with a scale on the log scale, s free to go below 0 and above 1 as `widenedBounds` allows (see `widenedLogUsl`). */
export function widenedLogAmdahl(scaledSpec: ModelSpec<'s' | 'gamma'>, maxX: number): ModelSpec<'s' | 'gamma'> {
  const spec = logScale(scaledSpec);
  return { ...spec, ...widenedBounds(spec, 1, 0, maxX) };
}

/**
 * Calibrated 95% intervals of Amdahl's s and gamma, `scaledSpec` (fit/amdahl.ts) being Amdahl's law
 * with a scale, from (x, y) and a least-squares `estimate` [s, gamma]: profile likelihood of Amdahl's law with a scale fitted to ln y. On the log scale a
 * scale only shifts the curve, so speedups give s the interval their times would; gamma gets
 * none when it was fixed (`gammaFree` false) or is set by a baseline (`ratioTo`).
 */
export function amdahlIntervals(
  scaledSpec: ModelSpec<'s' | 'gamma'>,
  x: readonly number[],
  y: readonly number[],
  estimate: readonly number[],
  gammaFree: boolean,
  options: IntervalOptions = {},
): Record<'s' | 'gamma', CalibratedInterval> {
  const fit = fitForProfile(widenedLogAmdahl(scaledSpec, Math.max(...x)), x, y.map(Math.log), estimate);
  const reason = untrustedFit(fit, x.length, 2);
  if (reason !== null || !fit) {
    const none = unavailable(reason ?? analysisMessages.intervalNotConverged);
    return { s: none, gamma: gammaFree ? none : unavailable(analysisMessages.intervalFixed('gamma')) };
  }
  const gamma = !gammaFree
    ? unavailable(analysisMessages.intervalFixed('gamma'))
    : options.ratioTo !== undefined
      ? unavailable(analysisMessages.intervalSetByBaseline('gamma'))
      : boundedInterval(fit, 1, [0, Infinity], logCoordinate);
  return { s: boundedInterval(fit, 0, [0, 1]), gamma };
}
