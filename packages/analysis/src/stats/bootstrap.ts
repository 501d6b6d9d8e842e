import { medianSorted } from './describe.js';
import type { Random } from './random.js';

/** Rearranges `a` so that a[k] is its k-th smallest value (Hoare's quickselect), and returns it. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Median of `a` (reorders it): the mean of the two middle values for an even length. */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  const upper = select(a, n >> 1);
  if (n % 2 === 1) return upper;
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/**
 * `resamples` bootstrap replicates of the median of a sorted sample (Efron & Tibshirani, An
 * Introduction to the Bootstrap, 1993, ch. 6). A sample larger than `maxResample` is resampled
 * m-out-of-n with m = maxResample and each replicate's deviation rescaled by sqrt(m / n)
 * (Bickel, Götze & van Zwet, Statistica Sinica 7, 1997): the cost then grows with the number of
 * cells, not with the number of rows, and the interval keeps its width for the full n.
 */
export function medianReplicates(sorted: Float64Array, resamples: number, random: Random, maxResample: number): Float64Array {
  const n = sorted.length;
  const m = Math.min(n, Math.max(1, maxResample));
  const scale = Math.sqrt(m / n);
  const center = medianSorted(sorted);
  const scratch = new Float64Array(m);
  const out = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < m; i++) scratch[i] = sorted[Math.floor(random() * n)]!;
    out[b] = center + (medianInPlace(scratch) - center) * scale;
  }
  return out;
}
