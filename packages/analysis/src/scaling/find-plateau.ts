import type { Plateau } from './plateau.js';
import type { Metric } from './speedup-table.js';
import { resolveXY } from '../fit/_input.js';
import type { ColumnSource, XYColumns } from '../table/column-table.js';
import { groupByX } from './cells.js';
import { analyzeGroup, resolveSettings, type GroupSettings } from './analyze-group.js';

/** Options of `findPlateau`. */
export interface FindPlateauOptions extends Omit<GroupSettings, 'predict'> {
  /** 'time' (y is elapsed time) or 'throughput'. Default 'time'. */
  metric?: Metric;
}

/**
 * The plateau threshold of raw (x, y) observations: the smallest thread count from which one more
 * thread gains less than `plateauGain` (default 10%) of an ideal thread on the preferred fitted
 * curve, with a bootstrap CI from (k-step) refits to resampled repeats, and the Kneedle knee of the medians.
 *
 * @example findPlateau(threads, seconds, { metric: 'time' })
 */
export function findPlateau(x: ArrayLike<number>, y: ArrayLike<number>, options?: FindPlateauOptions): Plateau;
export function findPlateau(table: ColumnSource, options: XYColumns & FindPlateauOptions): Plateau;
export function findPlateau(a: ArrayLike<number> | ColumnSource, b?: ArrayLike<number> | (XYColumns & FindPlateauOptions), c: FindPlateauOptions = {}): Plateau {
  const { x, y } = resolveXY(a, b);
  const options = Array.isArray(b) || ArrayBuffer.isView(b) ? c : ((b as FindPlateauOptions | undefined) ?? {});
  return analyzeGroup({}, 'plateau', groupByX(x, y), options.metric ?? 'time', resolveSettings(options)).analysis.plateau;
}
