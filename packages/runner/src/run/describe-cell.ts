import type { PlannedCell } from '../plan/cells.js';

/** A cell for people: `node-pool cpu, 1000 tasks x 2 threads`. */
export function describeCell(cell: PlannedCell): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${cell.target} ${cell.task_type}, ${count(cell.num_tasks, 'task')} x ${count(cell.num_threads, 'thread')}`;
}
