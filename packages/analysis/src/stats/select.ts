import { quantileSorted } from 'simple-statistics';

/** Rearranges `a` so that a[k] is its k-th smallest value (Hoare's quickselect), and returns it. */
export function select(a: Float64Array, k: number): number {
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
 * The p-quantile of `a` exactly as simple-statistics' `quantileSorted` gives it on `a` sorted
 * (R's type 7: linear between the order statistics around (n - 1) p), found by selection instead
 * of sorting (reorders `a`). A sample holding NaN is sorted, as typed-array sort orders NaN last.
 */
export function quantileInPlace(a: Float64Array, p: number): number {
  const n = a.length;
  if (n === 0 || !(p > 0 && p < 1) || a.some(Number.isNaN)) return quantileSorted(a.sort() as unknown as number[], p);
  const h = (n - 1) * p;
  const lower = Math.floor(h);
  const low = select(a, lower);
  if (h % 1 === 0) return low;
  // The next order statistic: the smallest value right of the selected one.
  let high = Infinity;
  for (let i = lower + 1; i < n; i++) if (a[i]! < high) high = a[i]!;
  return low + (h - lower) * (high - low);
}
