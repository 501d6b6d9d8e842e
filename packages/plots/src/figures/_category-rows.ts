import { FUNCTION_CATEGORIES, TASK_TYPES } from '@poolscope/core';
import type { BreakdownData } from '../types.js';
import { CATEGORY_LABELS } from '../style/categories.js';
import { tasksLabel, taskTypeLabel } from '../style/labels.js';
import { stableOrder } from '../style/palette.js';
import { distinctAscending } from '../style/thread-axis.js';

/** One bar segment or line point of an Experiment 3 panel. */
export interface CategoryRow {
  kind: 'category' | 'line';
  row: string;
  column: string;
  threads: number;
  category: string | null;
  rank: number | null;
  seconds: number | null;
  series: string | null;
  value: number | null;
}

/** The lines drawn over the bars, as the legend names them. */
export const BREAKDOWN_LINES = { speedup: 'speedup (×)', cpu: 'CPU cores busy' } as const;

/** The rows, columns and data of an Experiment 3 figure: rows (target, task type), columns task counts. */
export interface CategoryLayout {
  rows: CategoryRow[];
  rowLabels: string[];
  columnLabels: string[];
  /** Category labels present in the data, in the fixed category order. */
  categories: string[];
}

/** Lays out category times (and, with `withLines`, speedup and CPU use) for faceting. */
export function categoryLayout(data: BreakdownData, withLines: boolean): CategoryLayout {
  const groups: { target: string; taskType: (typeof TASK_TYPES)[number]; label: string }[] = [];
  const used = new Set<string>();
  for (const target of stableOrder(data.categories.map((c) => c.target))) {
    for (const taskType of TASK_TYPES) {
      if (!data.categories.some((c) => c.target === target && c.task_type === taskType)) continue;
      // Row headers are data; keep them distinct even if a target's name mimics another's header.
      let label = `${target}, ${taskTypeLabel(taskType)}`;
      for (let i = 2; used.has(label); i++) label = `${target}, ${taskTypeLabel(taskType)} (${i})`;
      used.add(label);
      groups.push({ target, taskType, label });
    }
  }
  const labelOf = (target: string, taskType: string) => groups.find((g) => g.target === target && g.taskType === taskType)?.label;
  const rows: CategoryRow[] = [];
  for (const c of data.categories) {
    const row = labelOf(c.target, c.task_type);
    if (row === undefined) continue;
    const rank = FUNCTION_CATEGORIES.indexOf(c.category);
    rows.push({ kind: 'category', row, column: tasksLabel(c.num_tasks), threads: c.num_threads, category: CATEGORY_LABELS[c.category], rank, seconds: c.seconds, series: null, value: null });
  }
  if (withLines) {
    // Lines only where bars are: the lines explain the bars, they are not a figure of their own.
    const profiled = new Set(data.categories.map((c) => `${c.target}\u0000${c.task_type}\u0000${c.num_tasks}\u0000${c.num_threads}`));
    for (const p of data.points) {
      const row = labelOf(p.target, p.task_type);
      if (row === undefined || !profiled.has(`${p.target}\u0000${p.task_type}\u0000${p.num_tasks}\u0000${p.num_threads}`)) continue;
      const base = { kind: 'line' as const, row, column: tasksLabel(p.num_tasks), threads: p.num_threads, category: null, rank: null, seconds: null };
      rows.push({ ...base, series: BREAKDOWN_LINES.speedup, value: p.speedup });
      if (p.cpu_util !== null) rows.push({ ...base, series: BREAKDOWN_LINES.cpu, value: p.cpu_util });
    }
  }
  const present = new Set(data.categories.map((c) => c.category));
  return {
    rows,
    rowLabels: groups.map((g) => g.label),
    columnLabels: distinctAscending(data.categories.map((c) => c.num_tasks)).map(tasksLabel),
    categories: FUNCTION_CATEGORIES.filter((c) => present.has(c)).map((c) => CATEGORY_LABELS[c]),
  };
}
