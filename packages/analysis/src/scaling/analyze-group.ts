import type { GroupFits } from '../fit/models.js';
import type { Prediction } from './group.js';
import type { Plateau } from './plateau.js';
import type { Metric, ScalingPoint } from './speedup-table.js';
import { DEFAULT_SEED, deriveSeed, seededRandom } from '../stats/random.js';
import { makeCells, type Cell } from './cells.js';
import { baselineIndex, computeSpeedups, DEFAULT_MAX_RESAMPLE, DEFAULT_RESAMPLES } from './speedup-table.js';
import { findGroupPlateau, fitGroup, predictGroup, replicateValues } from './group.js';
import { DEFAULT_PLATEAU_GAIN } from './plateau.js';

/** Everything known about one group (one target, task type and task count; or one --by key). */
export interface GroupAnalysis<K, P extends ScalingPoint = ScalingPoint> {
  readonly key: K;
  readonly metric: Metric;
  readonly baseline_x: number;
  readonly points: readonly P[];
  readonly fits: GroupFits;
  readonly plateau: Plateau;
  readonly predictions: readonly Prediction[];
}

/** Settings of a group analysis; every field has a default. */
export interface GroupSettings {
  /** Bootstrap resamples for speedup and efficiency CIs. Default 1000. */
  resamples?: number;
  /** Bootstrap refits per group for the plateau CI. Default 200. */
  fitResamples?: number;
  /** Base seed; each group derives its own from it and its key. Default 1. */
  seed?: number;
  /** m of the m-out-of-n bootstrap for cells with more repeats. Default 100. */
  maxResample?: number;
  /** Plateau: the share of an ideal thread below which a thread gains nothing. Default 0.1. */
  plateauGain?: number;
  /** x values to predict at with the preferred fit. Default none. */
  predict?: readonly number[];
}

/** Default bootstrap refits per group for the plateau CI (200: enough for a 95% percentile interval of an integer threshold). */
export const DEFAULT_FIT_RESAMPLES = 200;

/** Settings with defaults filled in. */
export function resolveSettings(s: GroupSettings): Required<GroupSettings> {
  return {
    resamples: s.resamples ?? DEFAULT_RESAMPLES,
    fitResamples: Math.min(s.fitResamples ?? DEFAULT_FIT_RESAMPLES, s.resamples ?? DEFAULT_RESAMPLES),
    seed: s.seed ?? DEFAULT_SEED,
    maxResample: s.maxResample ?? DEFAULT_MAX_RESAMPLE,
    plateauGain: s.plateauGain ?? DEFAULT_PLATEAU_GAIN,
    predict: s.predict ?? [],
  };
}

/** A group's analysis together with the cells and replicates later steps (comparisons) reuse. */
export interface AnalyzedGroup<K> {
  readonly analysis: GroupAnalysis<K>;
  readonly cells: readonly Cell[];
  readonly speedupReplicates: readonly Float64Array[];
}

/**
 * Analyses one group from its raw values per x: speedup table with bootstrap CIs, Amdahl and USL
 * fits on the per-x medians (speedups for time, medians for throughput), plateau with a bootstrap
 * CI, and predictions. `seedName` identifies the group for its random stream.
 */
export function analyzeGroup<K>(key: K, seedName: string, byX: ReadonlyMap<number, ArrayLike<number>>, metric: Metric, settings: Required<GroupSettings>): AnalyzedGroup<K> {
  const random = seededRandom(deriveSeed(settings.seed, seedName));
  const cells = makeCells(byX, settings, random);
  const { table, speedupReplicates } = computeSpeedups(cells, metric);
  const x = table.points.map((p) => p.x);
  const y = metric === 'time' ? table.points.map((p) => p.speedup) : table.points.map((p) => p.median);
  const fits = fitGroup(x, y, metric, table.baseline_x);
  const baseIndex = baselineIndex(cells);
  const plateau = findGroupPlateau(fits, x, y, replicateValues(cells, metric, baseIndex, fits, random), { gain: settings.plateauGain, resamples: settings.fitResamples });
  const speedupUnit = metric === 'time' ? 1 : cells[baseIndex]!.stats.median;
  const predictions = predictGroup(fits, settings.predict, x, speedupUnit);
  return {
    analysis: { key, metric, baseline_x: table.baseline_x, points: table.points, fits, plateau, predictions },
    cells,
    speedupReplicates,
  };
}
