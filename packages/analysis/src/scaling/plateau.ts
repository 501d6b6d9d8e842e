import type { ModelName } from '../types.js';

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
