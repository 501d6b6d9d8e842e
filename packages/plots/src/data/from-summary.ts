import { MODEL_NAMES, modelEntry, type ModelName } from '@poolscope/analysis';
import { TASK_TYPES } from '@poolscope/core';
import type { CategoryTime, CurvePoint, FitData, FitGroup, FittedModel, PlateauMark, PlotInput, SpeedupPoint } from '../types.js';
import { tasksLabel } from '../style/labels.js';
import { stableOrder } from '../style/palette.js';
import { curveSamples } from '../style/thread-axis.js';
import type { AnalysedGroup, ScalingDocument, SummaryDocument, TimingGroupDocument } from './summary-schema.js';

/** Axis titles of the fit figure for poolscope's own timings (speedups from wall times). */
export const SPEEDUP_FIT_TITLES = { xTitle: 'threads N', yTitle: 'speedup T(1) / T(N) (×)' } as const;

/** What a fit figure draws as y for a group: speedup for elapsed times, the measured value for throughputs. */
function measuredY(group: AnalysedGroup, point: AnalysedGroup['points'][number]): number {
  return group.metric === 'time' ? point.speedup : point.median;
}

/**
 * One group of any analysis (poolscope's or a foreign CSV's) as a panel of the `usl-fit` figure:
 * measured points, and every fitted model's curve sampled over the measured range, with the
 * peak or asymptote its model derives (when it has one).
 */
export function fitGroupFromAnalysis(label: string, group: AnalysedGroup): FitGroup {
  const samples = curveSamples(group.points.map((p) => p.x));
  const fits: { [M in ModelName]?: FittedModel } = {};
  for (const name of MODEL_NAMES) {
    const fit = group.fits[name];
    if (fit.status !== 'ok') continue;
    const model = modelEntry(name);
    fits[name] = {
      curve: samples.map((x) => ({ x, y: model.curve(fit.params, x) })),
      ...(model.peak && { peak: fit.peak && fit.peak.x !== null && fit.peak.y !== null ? { x: fit.peak.x, y: fit.peak.y } : null }),
      ...(model.asymptote && { asymptote: fit.asymptote ?? null }),
    };
  }
  return { label, points: group.points.map((p) => ({ x: p.x, y: measuredY(group, p) })), fits };
}

/** The panel title of a poolscope group: "python3.13t, cpu, 1,000 tasks". */
export function timingGroupLabel(key: TimingGroupDocument['key']): string {
  return `${key.target}, ${key.task_type}, ${tasksLabel(key.num_tasks)}`;
}

/** Groups in the order every figure lists them: target name, task type, task count. */
function ordered(groups: readonly TimingGroupDocument[]): TimingGroupDocument[] {
  const targets = stableOrder(groups.map((g) => g.key.target));
  return [...groups].sort(
    (a, b) =>
      targets.indexOf(a.key.target) - targets.indexOf(b.key.target) ||
      TASK_TYPES.indexOf(a.key.task_type) - TASK_TYPES.indexOf(b.key.task_type) ||
      a.key.num_tasks - b.key.num_tasks,
  );
}

/**
 * Turns the analysis of a run (`summary.json`) and, when the run was profiled, its time per
 * function category into what the figures draw. Speedup curves are the USL fits; a plateau is
 * marked only when the analysis found one within the measured thread counts (an extrapolated
 * one would sit off the axis).
 */
export function plotInputFromSummary(summary: SummaryDocument, categories: readonly CategoryTime[] | null): PlotInput {
  const points: SpeedupPoint[] = [];
  const curves: CurvePoint[] = [];
  const plateaus: PlateauMark[] = [];
  const groups = ordered(summary.groups);
  for (const group of groups) {
    const key = group.key;
    for (const p of group.points) {
      const [lo, hi] = p.speedup_ci95;
      points.push({ ...key, num_threads: p.x, speedup: p.speedup, speedup_lo: lo, speedup_hi: hi, cpu_util: p.cpu_cores_busy ?? null });
    }
    const usl = group.fits.usl;
    if (usl.status === 'ok') {
      for (const n of curveSamples(group.points.map((p) => p.x))) curves.push({ ...key, num_threads: n, speedup: modelEntry('usl').curve(usl.params, n) });
    }
    const plateau = group.plateau;
    if (plateau.status === 'found' && plateau.within_measured) {
      plateaus.push({ ...key, num_threads: plateau.threshold, lo: plateau.ci95[0], hi: plateau.ci95[1] });
    }
  }
  const fits: FitData = { ...SPEEDUP_FIT_TITLES, groups: groups.map((g) => fitGroupFromAnalysis(timingGroupLabel(g.key), g)) };
  return {
    scaling: { points, curves, plateaus },
    breakdown: categories && categories.length > 0 ? { categories, points } : null,
    fits,
  };
}

/** The panel title of a foreign group: its --by values ("db=pg, host=a"), or "all rows" without --by. */
export function foreignGroupLabel(key: Readonly<Record<string, string>>): string {
  const entries = Object.entries(key);
  return entries.length === 0 ? 'all rows' : entries.map(([column, value]) => `${column}=${value}`).join(', ');
}

/**
 * The `usl-fit` figure's input for the analysis of anyone's CSV (`poolscope analyze FILE.csv
 * --json`): x is the CSV's --x column; y is the speedup for elapsed times, the measured value for
 * throughputs.
 */
export function fitDataFromScalingAnalysis(analysis: ScalingDocument): FitData {
  return {
    xTitle: analysis.x,
    yTitle: analysis.metric === 'time' ? `speedup from ${analysis.y} (×)` : analysis.y,
    groups: analysis.groups.map((g) => fitGroupFromAnalysis(foreignGroupLabel(g.key), g)),
  };
}
