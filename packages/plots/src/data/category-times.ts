import { FUNCTION_CATEGORIES, TASK_TYPES, type FunctionCategory, type ProfileRecord } from '@poolscope/core';
import type { CategoryTime } from '../types.js';
import { stableOrder } from '../style/palette.js';

/** The fields of a profile row the aggregation reads. */
export type ProfileSample = Pick<ProfileRecord, 'run_id' | 'target' | 'task_type' | 'num_tasks' | 'num_threads' | 'repeat' | 'category' | 'self_ns'>;

interface Cell {
  target: string;
  task_type: ProfileRecord['task_type'];
  num_tasks: number;
  num_threads: number;
  /** Distinct (run_id, repeat) pairs seen: the repeats to average over. */
  repeats: Set<string>;
  selfNs: Map<FunctionCategory, number>;
}

/**
 * Sums `raw/profile.csv` rows into thread time per function category of each profiled cell
 * (target, task type, task count, thread count), averaged over the cell's repeats. Self time is
 * used, not total time: self times of different functions never overlap, so the categories
 * partition the cell's thread time and can be stacked. A category missing from a repeat counts 0
 * there. Feed it rows one at a time (`add`), so a large profile is never held whole.
 */
export class CategoryTimeAccumulator {
  private readonly cells = new Map<string, Cell>();

  add(row: ProfileSample): void {
    const key = `${row.target}\u0000${row.task_type}\u0000${row.num_tasks}\u0000${row.num_threads}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { target: row.target, task_type: row.task_type, num_tasks: row.num_tasks, num_threads: row.num_threads, repeats: new Set(), selfNs: new Map() };
      this.cells.set(key, cell);
    }
    cell.repeats.add(`${row.run_id}\u0000${row.repeat}`);
    cell.selfNs.set(row.category, (cell.selfNs.get(row.category) ?? 0) + row.self_ns);
  }

  /** Seconds per category and cell, ordered by target name, task type, task count, threads, category. */
  times(): CategoryTime[] {
    const targets = stableOrder([...this.cells.values()].map((c) => c.target));
    const cells = [...this.cells.values()].sort(
      (a, b) =>
        targets.indexOf(a.target) - targets.indexOf(b.target) ||
        TASK_TYPES.indexOf(a.task_type) - TASK_TYPES.indexOf(b.task_type) ||
        a.num_tasks - b.num_tasks ||
        a.num_threads - b.num_threads,
    );
    const times: CategoryTime[] = [];
    for (const cell of cells) {
      for (const category of FUNCTION_CATEGORIES) {
        const ns = cell.selfNs.get(category);
        if (ns === undefined) continue;
        const { target, task_type, num_tasks, num_threads } = cell;
        times.push({ target, task_type, num_tasks, num_threads, category, seconds: ns / cell.repeats.size / 1e9 });
      }
    }
    return times;
  }
}

/** {@link CategoryTimeAccumulator} over rows already in memory. */
export function categoryTimes(rows: Iterable<ProfileSample>): CategoryTime[] {
  const accumulator = new CategoryTimeAccumulator();
  for (const row of rows) accumulator.add(row);
  return accumulator.times();
}
