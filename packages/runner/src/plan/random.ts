import { seededRandom } from '@poolscope/core';

/** A copy of `items` in an order fixed by `seed` (Fisher-Yates, Knuth vol. 2, Algorithm P). */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
