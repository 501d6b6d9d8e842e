import { quantileSorted } from 'simple-statistics';
import { quantileInPlace } from './select.js';

/** A two-sided interval `[lo, hi]` (95% unless said otherwise). */
export type Interval = readonly [lo: number, hi: number];

/** The spread of one sample, as the speedup table reports it. */
export interface Description {
  readonly n: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly mean: number;
  /** Sample standard deviation (n - 1); null for n < 2. */
  readonly sd: number | null;
  /** sd / mean; null for n < 2 or a zero mean. */
  readonly cv: number | null;
}

/** Ascending numeric copy of `values` as a Float64Array (typed sort is numeric, not lexicographic). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Median, quartiles (R's default type 7, via simple-statistics), mean, sd and CV of a sorted,
 * non-empty sample.
 */
export function describeSorted(sorted: Float64Array): Description {
  const n = sorted.length;
  const values = sorted as unknown as number[];
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sorted[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : null;
  return {
    n,
    median: quantileSorted(values, 0.5),
    q1: quantileSorted(values, 0.25),
    q3: quantileSorted(values, 0.75),
    mean,
    sd,
    cv: sd === null || mean === 0 ? null : sd / mean,
  };
}

/** Median of a sorted, non-empty sample (type 7: the mean of the two middle values for even n). */
export function medianSorted(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The percentile interval of a sample (type 7 quantiles at (1 - level)/2 and (1 + level)/2),
 * found by selection: a few thousand intervals of 1000 replicates each are a sizeable share of a
 * large analysis when sorted. Reorders `values`.
 */
export function percentileInterval(values: Float64Array, level = 0.95): [number, number] {
  return [quantileInPlace(values, (1 - level) / 2), quantileInPlace(values, (1 + level) / 2)];
}
