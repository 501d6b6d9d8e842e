import { FUNCTION_CATEGORIES, type FunctionCategory, type TaskType } from '@poolscope/core';
import type { TimingGroup } from '@poolscope/analysis';
import { CATEGORY_LABELS, type CategoryTime } from '@poolscope/plots';
import type { Block, Section } from './document.js';
import { list, paragraph } from './document.js';
import { measuredTypes, targetsOf } from './experiments.js';
import { figureBlock } from './figures.js';
import type { ReportInputs } from './inputs.js';
import { reportMessages as m } from './messages.js';

/** Share of thread time per category at one thread count of one profiled group. */
interface Shares {
  readonly threads: number;
  readonly total: number;
  readonly share: ReadonlyMap<FunctionCategory, number>;
}

/** Category shares per thread count of each profiled (target, task type, task count), keyed `target\0type\0tasks`. */
export function categoryShares(categories: readonly CategoryTime[]): Map<string, Shares[]> {
  const cells = new Map<string, Map<number, Map<FunctionCategory, number>>>();
  for (const c of categories) {
    const key = `${c.target}\u0000${c.task_type}\u0000${c.num_tasks}`;
    if (!cells.has(key)) cells.set(key, new Map());
    const byThreads = cells.get(key)!;
    if (!byThreads.has(c.num_threads)) byThreads.set(c.num_threads, new Map());
    const seconds = byThreads.get(c.num_threads)!;
    seconds.set(c.category, (seconds.get(c.category) ?? 0) + c.seconds);
  }
  const out = new Map<string, Shares[]>();
  for (const [key, byThreads] of cells) {
    const series = [...byThreads]
      .sort(([a], [b]) => a - b)
      .map(([threads, seconds]) => {
        const total = [...seconds.values()].reduce((a, b) => a + b, 0);
        return { threads, total, share: new Map([...seconds].map(([c, s]) => [c, total > 0 ? s / total : 0])) };
      })
      .filter((s) => s.total > 0);
    if (series.length > 0) out.set(key, series);
  }
  return out;
}

/**
 * One sentence per profiled target and task type, at its largest profiled task count, from the
 * profile only: the task body's share of thread time with the fewest and the most threads, the
 * other category that grows the most (or else the largest one), and how the threads' total time
 * changes for the same work.
 */
export function callStackObservations(categories: readonly CategoryTime[]): string[] {
  const largest = new Map<string, { tasks: number; series: Shares[] }>();
  for (const [key, series] of categoryShares(categories)) {
    const [target, type, tasks] = key.split('\u0000') as [string, TaskType, string];
    const at = `${target}\u0000${type}`;
    if (!largest.has(at) || largest.get(at)!.tasks < Number(tasks)) largest.set(at, { tasks: Number(tasks), series });
  }
  const out: string[] = [];
  for (const [at, { tasks, series }] of largest) {
    const [target, type] = at.split('\u0000') as [string, TaskType];
    const lo = series[0]!;
    const hi = series.at(-1)!;
    if (lo.threads === hi.threads) continue;
    let sentence = m.shares(target, tasks, type, lo.threads, lo.share.get('task') ?? 0, hi.threads, hi.share.get('task') ?? 0);
    const others = FUNCTION_CATEGORIES.filter((c) => c !== 'task');
    const growth = others.map((c) => ({ c, from: lo.share.get(c) ?? 0, to: hi.share.get(c) ?? 0 })).sort((a, b) => b.to - b.from - (a.to - a.from))[0]!;
    if (growth.to - growth.from >= 0.05) sentence += m.grows(CATEGORY_LABELS[growth.c], growth.from, growth.to);
    else {
      const top = others.map((c) => ({ c, share: hi.share.get(c) ?? 0 })).sort((a, b) => b.share - a.share)[0]!;
      if (top.share > 0) sentence += m.largest(CATEGORY_LABELS[top.c], top.share);
    }
    out.push(sentence + m.threadTime(hi.total / lo.total, lo.threads));
  }
  return out;
}

/** Cores kept busy per target and thread count, for one task type at its largest task count. */
function cpuTable(groups: readonly TimingGroup[], type: TaskType, cores: number): Block | null {
  const ofType = groups.filter((g) => g.key.task_type === type);
  if (ofType.length === 0) return null;
  const tasks = Math.max(...ofType.map((g) => g.key.num_tasks));
  const at = ofType.filter((g) => g.key.num_tasks === tasks);
  const threadCounts = [...new Set(at.flatMap((g) => g.points.map((p) => p.x)))].sort((a, b) => a - b);
  const header = m.cpuHeader(threadCounts);
  const rows = targetsOf(at).map((target) => {
    const g = at.find((x) => x.key.target === target)!;
    return [target, ...threadCounts.map((n) => g.points.find((p) => p.x === n)?.cpu_cores_busy.toFixed(2) ?? '-')];
  });
  return { kind: 'table', caption: m.cpuTableCaption(type, tasks, cores), header, numeric: header.map((_, i) => i > 0), rows };
}

/** Per target: how many cores it keeps busy at its highest thread count (first task type, largest task count). */
export function cpuObservations(groups: readonly TimingGroup[], type: TaskType, cores: number): string[] {
  const ofType = groups.filter((g) => g.key.task_type === type);
  if (ofType.length === 0) return [];
  const tasks = Math.max(...ofType.map((g) => g.key.num_tasks));
  return ofType
    .filter((g) => g.key.num_tasks === tasks)
    .map((g) => {
      const top = g.points.at(-1)!;
      return m.coresBusy(g.key.target, top.cpu_cores_busy, cores, top.x, tasks, type);
    });
}

/** Experiment 3: the call-stack breakdown (when profiled) and CPU utilisation. */
export function experiment3(inputs: ReportInputs): Section {
  const type = measuredTypes(inputs.summary)[0] ?? 'cpu';
  const cores = inputs.summary.settings.logical_cores.value;
  const profiled = inputs.categories !== null && inputs.categories.length > 0;
  const blocks: Block[] = [paragraph(m.exp3Intro)];
  if (profiled) blocks.push(figureBlock(inputs, 'fn-scaling-breakdown'), figureBlock(inputs, 'fn-scaling-distribution'));
  else blocks.push(paragraph(m.exp3NoProfile(inputs.pipeline?.call_stacks.reason ?? m.exp3NoProfileReason)));
  const table = cpuTable(inputs.summary.groups, type, cores);
  if (table) blocks.push(table);
  const items = [...(profiled ? callStackObservations(inputs.categories!) : []), ...cpuObservations(inputs.summary.groups, type, cores)];
  return {
    id: 'experiment-3',
    title: m.exp3Title,
    blocks,
    sections: [{ id: 'experiment-3-observations', title: m.observationsTitle, blocks: [items.length > 0 ? list(items) : paragraph(m.noObservations)] }],
  };
}
