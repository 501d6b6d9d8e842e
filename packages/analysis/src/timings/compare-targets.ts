import type { Interval } from '../stats/describe.js';
import type { Cell } from '../scaling/cells.js';
import type { CellComparison, TargetComparison, TimingGroup } from './summary.js';
import { percentileInterval } from '../stats/describe.js';

/** A timing group with the cells and replicates comparisons reuse (as `analyzeTimings` builds them). */
export interface AnalyzedTimingGroup {
  readonly group: TimingGroup;
  readonly cells: readonly Cell[];
  readonly speedupReplicates: readonly Float64Array[];
}

/** Ratio a / b of two replicate vectors, element by element, and its percentile interval. */
function ratioInterval(a: Float64Array, b: Float64Array): Interval {
  const n = Math.min(a.length, b.length);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = a[i]! / b[i]!;
  return percentileInterval(r);
}

/**
 * Compares target a with target b in every (task_type, num_tasks, threads) cell both measured:
 * ratio of median times and of speedups, with percentile bootstrap CIs from the two targets'
 * independent replicates; and the single-thread cost, the time ratio at the baseline thread count.
 */
export function compareTargets(a: string, b: string, groups: readonly AnalyzedTimingGroup[]): TargetComparison {
  const index = new Map(groups.map((g) => [`${g.group.key.target}\u0000${g.group.key.task_type}\u0000${g.group.key.num_tasks}`, g]));
  const cells: CellComparison[] = [];
  const singleThread: TargetComparison['single_thread'][number][] = [];
  for (const ga of groups) {
    if (ga.group.key.target !== a) continue;
    const { task_type, num_tasks } = ga.group.key;
    const gb = index.get(`${b}\u0000${task_type}\u0000${num_tasks}`);
    if (!gb) continue;
    ga.cells.forEach((ca, i) => {
      const j = gb.cells.findIndex((c) => c.x === ca.x);
      if (j < 0) return;
      const cb = gb.cells[j]!;
      const pa = ga.group.points[i]!;
      const pb = gb.group.points[j]!;
      const time_ratio = ca.stats.median / cb.stats.median;
      const time_ratio_ci95 = ratioInterval(ca.replicates, cb.replicates);
      cells.push({
        task_type,
        num_tasks,
        threads: ca.x,
        time_ratio,
        time_ratio_ci95,
        speedup_ratio: pa.speedup / pb.speedup,
        speedup_ratio_ci95: ratioInterval(ga.speedupReplicates[i]!, gb.speedupReplicates[j]!),
      });
      if (ca.x === ga.group.baseline_x && ca.x === gb.group.baseline_x) singleThread.push({ task_type, num_tasks, threads: ca.x, time_ratio, time_ratio_ci95 });
    });
  }
  return { a, b, cells, single_thread: singleThread };
}
