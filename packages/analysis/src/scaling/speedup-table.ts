import { percentileInterval, type Interval } from '../stats/describe.js';
import { DEFAULT_SEED, deriveSeed, seededRandom } from '../stats/random.js';
import { resolveXY } from '../fit/_input.js';
import type { ColumnSource, XYColumns } from '../table/column-table.js';
import { groupByX, makeCells, type Cell } from './cells.js';

/** What the measured y means: elapsed time for a fixed amount of work, or work done per unit of time. */
export type Metric = 'time' | 'throughput';

/**
 * One capacity level (thread count, or a foreign CSV's `--x` value) of one group: the spread of
 * its raw repeats and its speedup over the baseline level, with bootstrap CIs.
 */
export interface ScalingPoint {
  /** The capacity level: the thread count for poolscope timings. */
  readonly x: number;
  /** Number of raw observations (repeats) at this level. */
  readonly repeats: number;
  /** Median of the measured y (seconds for poolscope timings). */
  readonly median: number;
  /** First and third quartiles of y (simple-statistics `quantileSorted`, type 7 as in R). */
  readonly q1: number;
  readonly q3: number;
  /** `q3 - q1`. */
  readonly iqr: number;
  /** Coefficient of variation of y, sample sd / mean; null with fewer than 2 repeats. */
  readonly cv: number | null;
  /**
   * Speedup over the baseline level: `median(y at baseline) / median(y)` for time,
   * `median(y) / median(y at baseline)` for throughput. 1 at the baseline itself.
   */
  readonly speedup: number;
  /** Percentile bootstrap 95% CI of the speedup, resampling the raw repeats of both levels. */
  readonly speedup_ci95: Interval;
  /** `speedup * baseline_x / x`: 1 is perfect scaling. */
  readonly efficiency: number;
  readonly efficiency_ci95: Interval;
}

/** The speedup table of one group: one point per capacity level, in increasing x. */
export interface SpeedupTable<P extends ScalingPoint = ScalingPoint> {
  readonly metric: Metric;
  /** The level speedups are relative to: 1 when measured, else the smallest x measured. */
  readonly baseline_x: number;
  readonly points: readonly P[];
}

/** Options of `speedupTable`. */
export interface SpeedupOptions {
  /** 'time': y is elapsed time for fixed work; 'throughput': y is work per unit time. Default 'time'. */
  metric?: Metric;
  /** Bootstrap resamples. Default 1000 (enough for 95% percentile CIs; Efron & Tibshirani 1993, §13.3). */
  resamples?: number;
  /** Seed of the bootstrap. Default 1. */
  seed?: number;
  /** Cells with more repeats are resampled m-out-of-n with this m. Default 100. */
  maxResample?: number;
}

/** Default bootstrap resamples for speedup, efficiency and ratio CIs. */
export const DEFAULT_RESAMPLES = 1000;
/** Default m of the m-out-of-n bootstrap for large cells. */
export const DEFAULT_MAX_RESAMPLE = 100;

/** The speedup table and, per cell, the bootstrap replicates of its speedup. */
export interface SpeedupComputation {
  readonly table: SpeedupTable;
  readonly speedupReplicates: readonly Float64Array[];
}

/** The baseline cell: x = 1 when measured, else the smallest x. */
export function baselineIndex(cells: readonly Cell[]): number {
  const one = cells.findIndex((c) => c.x === 1);
  return one >= 0 ? one : 0;
}

/**
 * Speedup and efficiency per cell with percentile bootstrap CIs. Replicate b of a cell's speedup
 * divides replicate b of the baseline's median by replicate b of the cell's (for time), the two
 * drawn independently, so the CI carries the noise of both.
 */
export function computeSpeedups(cells: readonly Cell[], metric: Metric): SpeedupComputation {
  const base = cells[baselineIndex(cells)]!;
  const baseMedian = base.stats.median;
  const speedupReplicates: Float64Array[] = [];
  const points: ScalingPoint[] = cells.map((cell) => {
    const { stats } = cell;
    const speedup = cell === base ? 1 : metric === 'time' ? baseMedian / stats.median : stats.median / baseMedian;
    const reps = new Float64Array(cell.replicates.length);
    for (let b = 0; b < reps.length; b++) {
      reps[b] = cell === base ? 1 : metric === 'time' ? base.replicates[b]! / cell.replicates[b]! : cell.replicates[b]! / base.replicates[b]!;
    }
    speedupReplicates.push(reps);
    const [lo, hi] = percentileInterval(Float64Array.from(reps));
    const perX = base.x / cell.x;
    return {
      x: cell.x,
      repeats: stats.n,
      median: stats.median,
      q1: stats.q1,
      q3: stats.q3,
      iqr: stats.q3 - stats.q1,
      cv: stats.cv,
      speedup,
      speedup_ci95: [lo, hi],
      efficiency: speedup * perX,
      efficiency_ci95: [lo * perX, hi * perX],
    };
  });
  return { table: { metric, baseline_x: base.x, points }, speedupReplicates };
}

/**
 * The speedup table of raw observations: one row per distinct x with median, quartiles, CV,
 * speedup over the baseline (x = 1, else the smallest x) and efficiency, each with a seeded 95%
 * bootstrap CI resampled from the raw repeats.
 *
 * @example speedupTable([1, 1, 2, 2, 4, 4], [10, 11, 5.2, 5.4, 3, 3.1]).points[2].speedup
 * @example speedupTable(table, { x: 'threads', y: 'seconds', metric: 'time' })
 */
export function speedupTable(x: ArrayLike<number>, y: ArrayLike<number>, options?: SpeedupOptions): SpeedupTable;
export function speedupTable(table: ColumnSource, options: XYColumns & SpeedupOptions): SpeedupTable;
export function speedupTable(a: ArrayLike<number> | ColumnSource, b?: ArrayLike<number> | (XYColumns & SpeedupOptions), c: SpeedupOptions = {}): SpeedupTable {
  const { x, y } = resolveXY(a, b);
  const options = Array.isArray(b) || ArrayBuffer.isView(b) ? c : ((b as SpeedupOptions | undefined) ?? {});
  const random = seededRandom(deriveSeed(options.seed ?? DEFAULT_SEED, 'speedup'));
  const cells = makeCells(groupByX(x, y), { resamples: options.resamples ?? DEFAULT_RESAMPLES, maxResample: options.maxResample ?? DEFAULT_MAX_RESAMPLE }, random);
  return computeSpeedups(cells, options.metric ?? 'time').table;
}
