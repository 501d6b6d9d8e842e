import { describeSorted, type Description } from '../stats/describe.js';
import { medianReplicates } from '../stats/bootstrap.js';
import type { Random } from '../stats/random.js';

/** The raw observations at one capacity level, sorted, with bootstrap replicates of their median. */
export interface Cell {
  readonly x: number;
  readonly sorted: Float64Array;
  readonly stats: Description;
  /** `resamples` bootstrap replicates of the median (stats/bootstrap.ts). */
  readonly replicates: Float64Array;
}

/** Bootstrap settings shared by every resampling step. */
export interface ResampleOptions {
  /** Bootstrap resamples per cell. */
  resamples: number;
  /** Above this many repeats, resample m-out-of-n with m = maxResample. */
  maxResample: number;
}

/** Groups (x, y) observations by x into cells, in increasing x. */
export function groupByX(x: readonly number[], y: readonly number[]): Map<number, number[]> {
  const byX = new Map<number, number[]>();
  x.forEach((v, i) => {
    const list = byX.get(v);
    if (list) list.push(y[i]!);
    else byX.set(v, [y[i]!]);
  });
  return new Map([...byX.entries()].sort((a, b) => a[0] - b[0]));
}

/** Builds the cells of one group from its values per x, drawing replicates from `random` in x order. */
export function makeCells(byX: ReadonlyMap<number, ArrayLike<number>>, options: ResampleOptions, random: Random): Cell[] {
  return [...byX.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([x, values]) => {
      const sorted = Float64Array.from(values).sort();
      return { x, sorted, stats: describeSorted(sorted), replicates: medianReplicates(sorted, options.resamples, random, options.maxResample) };
    });
}
