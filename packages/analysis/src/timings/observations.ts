import type { Crossover, Observation, TargetComparison, TimingGroup } from './summary.js';
import { analysisMessages as m } from '../messages.js';

/** A bootstrap CI means something only with at least this many repetitions to resample. */
const MIN_REPEATS_FOR_CI = 2;

/** A cpu speedup this far above the core count is worth explaining; nearer, it may be noise. */
const ABOVE_CORES_MARGIN = 1.1;

/** The largest task count of each (target, task_type): where scaling shows most. */
function largestPerKind(groups: readonly TimingGroup[]): TimingGroup[] {
  const best = new Map<string, TimingGroup>();
  for (const g of groups) {
    const id = `${g.key.target}\u0000${g.key.task_type}`;
    const seen = best.get(id);
    if (!seen || g.key.num_tasks > seen.key.num_tasks) best.set(id, g);
  }
  return [...best.values()];
}

/**
 * Short sentences with numbers, in the style of the RCA, generated only from computed results:
 * the best speedup of each target per task count, plateaus and USL coefficients at the largest task
 * count, crossovers, single-thread costs and the largest shared cell of each comparison, and how
 * many rows were left out. With the machine's logical `cores`, a cpu speedup above them is
 * explained: no schedule runs cpu work faster than on every core, so the one-thread time must hold
 * waiting (the pool's hand-over of each task) that more threads overlap.
 */
export function observe(
  groups: readonly TimingGroup[],
  crossovers: readonly Crossover[],
  comparisons: readonly TargetComparison[],
  dropped: { error: number; timeout: number },
  cores?: number,
): Observation[] {
  const out: Observation[] = [];
  // Whether some value below is given without its CI (too few repetitions), so the reason is said once.
  let ciLeftOut = false;
  const ciOf = (ci: readonly [number, number], ...repeats: (number | undefined)[]): readonly [number, number] | null => {
    if (repeats.every((r) => r !== undefined && r >= MIN_REPEATS_FOR_CI)) return ci;
    ciLeftOut = true;
    return null;
  };
  const kinds = [...new Set(groups.map((g) => `${g.key.task_type}\u0000${g.key.num_tasks}`))];
  for (const kind of kinds) {
    const members = groups.filter((g) => `${g.key.task_type}\u0000${g.key.num_tasks}` === kind);
    const { task_type, num_tasks } = members[0]!.key;
    const parts = members.map((g) => {
      const best = g.points.reduce((a, b) => (b.speedup > a.speedup ? b : a));
      if (best.x === g.baseline_x) return m.obsNoSpeedupPart(g.key.target, best.x);
      // A speedup's CI resamples the repeats of both its cell and the baseline's.
      const baseline = g.points.find((p) => p.x === g.baseline_x);
      return m.obsBestPart(g.key.target, best.speedup, best.x, ciOf(best.speedup_ci95, best.repeats, baseline?.repeats));
    });
    out.push({ kind: 'scaling', text: m.obsBest(m.taskLabel(num_tasks, task_type), parts), task_type, num_tasks });
  }
  for (const g of largestPerKind(groups)) {
    if (cores === undefined || g.key.task_type !== 'cpu') continue;
    const best = g.points.reduce((a, b) => (b.speedup > a.speedup ? b : a));
    const baseline = g.points.find((p) => p.x === g.baseline_x);
    const sure = best.repeats >= MIN_REPEATS_FOR_CI && (baseline?.repeats ?? 0) >= MIN_REPEATS_FOR_CI ? best.speedup_ci95[0] > cores : true;
    if (!baseline || g.baseline_x !== 1 || best.speedup <= cores * ABOVE_CORES_MARGIN || !sure) continue;
    const perTaskUs = (seconds: number) => (seconds / g.key.num_tasks) * 1e6;
    const text = m.obsAboveCores(g.key.target, m.taskLabel(g.key.num_tasks, 'cpu'), best.speedup, best.x, cores, perTaskUs(baseline.median), perTaskUs(best.median) * cores);
    // No num_tasks: an explanation, not one of the summary's headline speedups.
    out.push({ kind: 'scaling', text, target: g.key.target, task_type: 'cpu' });
  }
  const afterScaling = out.length;
  for (const g of largestPerKind(groups)) {
    const task = m.taskLabel(g.key.num_tasks, g.key.task_type);
    const scope = { target: g.key.target, task_type: g.key.task_type, num_tasks: g.key.num_tasks };
    const p = g.plateau;
    if (p.status === 'found') {
      const text = m.obsPlateau(g.key.target, task, p.threshold, p.interval.status === 'ok' ? p.interval.ci95 : null, p.gain);
      out.push({ kind: 'plateau', text: p.within_measured ? text : `${text.slice(0, -1)} (${m.obsPlateauExtrapolated}).`, ...scope });
    } else if (p.status === 'none') {
      out.push({ kind: 'plateau', text: m.obsNoPlateau(g.key.target, task, p.search_limit), ...scope });
    }
    if (g.fits.usl.status === 'ok') {
      out.push({ kind: 'fit', text: m.obsUsl(g.key.target, task, g.fits.usl.sigma, g.fits.usl.kappa, g.fits.usl.peak.x), ...scope });
    }
  }
  for (const c of crossovers) {
    const scope = { target: c.target, task_type: c.task_type };
    if (c.status === 'found') out.push({ kind: 'crossover', text: m.obsCrossover(c.target, c.task_type, c.num_tasks, c.gain), ...scope });
    else if (c.status === 'below-range') out.push({ kind: 'crossover', text: m.obsCrossoverBelow(c.target, c.task_type, c.num_tasks, c.gain), ...scope });
    else if (c.status === 'none') out.push({ kind: 'crossover', text: m.obsCrossoverNone(c.target, c.task_type, c.gain), ...scope });
  }
  for (const cmp of comparisons) {
    for (const taskType of [...new Set(cmp.single_thread.map((s) => s.task_type))]) {
      const ratios = cmp.single_thread.filter((s) => s.task_type === taskType).map((s) => s.time_ratio);
      out.push({ kind: 'single-thread', text: m.obsSingleThread(cmp.a, cmp.b, taskType, Math.min(...ratios), Math.max(...ratios)), task_type: taskType });
    }
    for (const taskType of [...new Set(cmp.cells.map((c) => c.task_type))]) {
      const cells = cmp.cells.filter((c) => c.task_type === taskType);
      const top = cells.reduce((a, b) => (b.num_tasks > a.num_tasks || (b.num_tasks === a.num_tasks && b.threads > a.threads) ? b : a));
      const repeatsOf = (target: string) =>
        groups.find((g) => g.key.target === target && g.key.task_type === taskType && g.key.num_tasks === top.num_tasks)?.points.find((p) => p.x === top.threads)?.repeats;
      out.push({
        kind: 'comparison',
        text: m.obsComparison(cmp.a, cmp.b, m.taskLabel(top.num_tasks, taskType), top.threads, top.time_ratio, ciOf(top.time_ratio_ci95, repeatsOf(cmp.a), repeatsOf(cmp.b))),
        task_type: taskType,
        num_tasks: top.num_tasks,
      });
    }
  }
  if (dropped.error + dropped.timeout > 0) out.push({ kind: 'data', text: m.obsDropped(dropped.error, dropped.timeout) });
  // Said once, after the speedups it first explains.
  if (ciLeftOut) out.splice(afterScaling, 0, { kind: 'data', text: m.obsNoCi(MIN_REPEATS_FOR_CI) });
  return out;
}
