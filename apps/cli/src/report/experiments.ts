import { TASK_TYPES, type TaskType } from '@poolscope/core';
import type { AnalysisSummary, Observation, ObservationKind, TimingGroup } from '@poolscope/analysis';
import type { Block, Section } from './document.js';
import { list, paragraph } from './document.js';
import { count } from './format.js';
import { figureBlock } from './figures.js';
import type { ReportInputs } from './inputs.js';
import { reportMessages as m } from './messages.js';

/** How observations are grouped under an experiment, in this order, each group under its heading. */
const KIND_GROUPS: readonly (readonly ObservationKind[])[] = [['scaling'], ['comparison', 'single-thread'], ['crossover'], ['plateau'], ['fit'], ['data']];

/** The task types measured, in the fixed order (cpu, io). */
export const measuredTypes = (summary: AnalysisSummary): TaskType[] => TASK_TYPES.filter((t) => summary.groups.some((g) => g.key.task_type === t));

/** The targets, in the order the analysis lists its groups. */
export const targetsOf = (groups: readonly TimingGroup[]): string[] => [...new Set(groups.map((g) => g.key.target))];

/** The observations about `types`, grouped by kind (what scales first, fits last), in the analysis's order within a group. */
export function observationsFor(observations: readonly Observation[], types: readonly TaskType[]): { kind: ObservationKind; items: string[] }[] {
  const about = observations.filter((o) => o.task_type !== undefined && types.includes(o.task_type));
  return KIND_GROUPS.map((kinds) => ({ kind: kinds[0]!, items: about.filter((o) => kinds.includes(o.kind)).map((o) => o.text) })).filter((g) => g.items.length > 0);
}

/** Speedups with their CIs: one row per target and task count, one column per thread count. */
export function speedupTable(groups: readonly TimingGroup[], type: TaskType): Block {
  const ofType = groups.filter((g) => g.key.task_type === type);
  const threadCounts = [...new Set(ofType.flatMap((g) => g.points.map((p) => p.x)))].sort((a, b) => a - b);
  const rows = targetsOf(ofType).flatMap((target) =>
    ofType
      .filter((g) => g.key.target === target)
      .sort((a, b) => a.key.num_tasks - b.key.num_tasks)
      .map((g) => [
        target,
        count(g.key.num_tasks),
        ...threadCounts.map((n) => {
          const p = g.points.find((q) => q.x === n);
          return p ? m.speedupCell(p.speedup, p.speedup_ci95[0], p.speedup_ci95[1]) : '-';
        }),
      ]),
  );
  const header = m.speedupHeader(threadCounts);
  return { kind: 'table', caption: m.speedupTableCaption(type), header, numeric: header.map((_, i) => i > 0), rows };
}

/** The best speedup of a group and where. */
function best(group: TimingGroup): { speedup: number; threads: number } {
  const top = group.points.reduce((a, b) => (b.speedup > a.speedup ? b : a));
  return { speedup: top.speedup, threads: top.x };
}

/** Per target, at its largest task count: the best cpu speedup against the best io speedup. */
export function cpuIoContrasts(groups: readonly TimingGroup[]): string[] {
  const out: string[] = [];
  for (const target of targetsOf(groups)) {
    const of = (type: TaskType) => groups.filter((g) => g.key.target === target && g.key.task_type === type);
    const common = of('cpu')
      .map((g) => g.key.num_tasks)
      .filter((n) => of('io').some((g) => g.key.num_tasks === n));
    if (common.length === 0) continue;
    const tasks = Math.max(...common);
    const cpu = best(of('cpu').find((g) => g.key.num_tasks === tasks)!);
    const io = best(of('io').find((g) => g.key.num_tasks === tasks)!);
    out.push(m.contrast(target, tasks, cpu.speedup, cpu.threads, io.speedup, io.threads));
  }
  return out;
}

/** The observations of an experiment: a list per kind, each under a short heading. */
function observationsSection(id: string, groups: readonly { kind: ObservationKind | 'contrast'; items: readonly string[] }[]): Section {
  const blocks: Block[] = groups.flatMap((g) => [paragraph([{ strong: m.observationKinds[g.kind] }]), list(g.items)]);
  return { id, title: m.observationsTitle, blocks: blocks.length > 0 ? blocks : [paragraph(m.noObservations)] };
}

/** Experiment 1: speedup vs threads for the first task type measured (cpu), target against target. */
export function experiment1(inputs: ReportInputs): Section {
  const type = measuredTypes(inputs.summary)[0] ?? 'cpu';
  const blocks: Block[] = [paragraph(m.exp1Intro(type)), figureBlock(inputs, 'thread-scaling')];
  if (inputs.summary.groups.length > 0) blocks.push(speedupTable(inputs.summary.groups, type));
  return { id: 'experiment-1', title: m.exp1Title, blocks, sections: [observationsSection('experiment-1-observations', observationsFor(inputs.summary.observations, [type]))] };
}

/** Experiment 2: the same split by task type; its observations are those of the other types, and cpu vs io. */
export function experiment2(inputs: ReportInputs): Section {
  const types = measuredTypes(inputs.summary);
  const blocks: Block[] = [paragraph(m.exp2Intro), figureBlock(inputs, 'gil-impact')];
  if (types.length < 2) blocks.push(paragraph(m.exp2SingleType(types[0] ?? 'cpu')));
  for (const type of types.slice(1)) blocks.push(speedupTable(inputs.summary.groups, type));
  const contrasts = cpuIoContrasts(inputs.summary.groups);
  const groups = [...(contrasts.length > 0 ? [{ kind: 'contrast' as const, items: contrasts }] : []), ...observationsFor(inputs.summary.observations, types.slice(1))];
  return { id: 'experiment-2', title: m.exp2Title, blocks, sections: [observationsSection('experiment-2-observations', groups)] };
}
