import type { CalibratedInterval } from '../fit/calibrated-interval.js';
import type { ModelName } from '../fit/models.js';

/**
 * Where adding a thread stops paying: the smallest thread count N from which the fitted curve
 * gains less than `gain` of an ideal thread: f(N + 1) - f(N) < gain * gamma, where gamma = f(1) is
 * what one thread gives (an ideal thread adds gamma).
 */
export type Plateau =
  | {
      readonly status: 'found';
      /** The threshold thread count from the preferred fit. */
      readonly threshold: number;
      readonly model: ModelName;
      readonly gain: number;
      /** Percentile bootstrap CI of the threshold; hi null when some resamples never plateau within `search_limit`. */
      readonly ci95: readonly [lo: number, hi: number | null];
      /** Bootstrap resamples used for the CI. */
      readonly resamples: number;
      /** Where the curve crosses the criterion between whole threads: one more thread adds exactly `gain` of an ideal one at this real thread count; `threshold` is floor(crossing) + 1. */
      readonly crossing: number;
      /**
       * Calibrated 95% interval of the crossing (hence of where the plateau begins), in threads,
       * beside the bootstrap `ci95` of the threshold, which covered it 37-100% of the time (BENCHMARKS.md).
       */
      readonly interval: CalibratedInterval;
      /** Whether the threshold lies within the measured thread counts (else it is extrapolated). */
      readonly within_measured: boolean;
      /** The knee of the measured medians (Kneedle), as a cross-check; null when there is none. */
      readonly knee: number | null;
    }
  | {
      readonly status: 'none';
      readonly model: ModelName;
      readonly gain: number;
      /** The curve still gains at least `gain` per thread up to here. */
      readonly search_limit: number;
      /** Calibrated 95% interval of where the plateau begins (the crossing), open-ended when the data allow none at all. */
      readonly interval: CalibratedInterval;
      readonly knee: number | null;
    }
  | {
      readonly status: 'insufficient';
      readonly reason: string;
      readonly knee: number | null;
    };

/** Default share of an ideal thread below which one more thread "gains nothing" (issue #5: 10%). */
export const DEFAULT_PLATEAU_GAIN = 0.1;

/** How far the plateau search looks: max(4096, 64 x the largest x measured). */
export function plateauSearchLimit(maxX: number): number {
  return Math.max(4096, 64 * Math.ceil(maxX));
}

/** A fitted curve as the plateau search needs it. */
export interface Curve {
  readonly model: ModelName;
  /** What one ideal thread adds: the curve's value at N = 1 (gamma). */
  readonly unit: number;
  predict(x: number): number;
}

/**
 * The smallest integer thread count N >= 1 from which one more thread gains less than `gain` of an
 * ideal thread: f(N + 1) - f(N) < gain * f(1). Null when the curve keeps gaining up to `limit`.
 */
export function plateauThreshold(curve: Curve, gain: number, limit: number): number | null {
  const step = gain * curve.unit;
  let previous = curve.predict(1);
  for (let n = 1; n < limit; n++) {
    const next = curve.predict(n + 1);
    if (next - previous < step) return n;
    previous = next;
  }
  return null;
}
