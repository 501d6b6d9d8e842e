import type { TaskType } from '@poolscope/core';

/** 12345 -> "12,345", without the locale machinery (the same text on every machine). */
export function groupThousands(value: number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The header of a task-count panel: "1,000 tasks". */
export function tasksLabel(numTasks: number): string {
  return `${groupThousands(numTasks)} ${numTasks === 1 ? 'task' : 'tasks'}`;
}

/** The header of a task-type row. */
export function taskTypeLabel(taskType: TaskType): string {
  return taskType === 'cpu' ? 'cpu-bound tasks' : 'io-bound tasks';
}

/** A number for an annotation: three significant digits below 1000, whole and grouped above, exponent past a billion. */
export function shortNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1e9) return value.toExponential(2).replace('e+', 'e');
  if (abs >= 1000) return groupThousands(Math.round(value));
  return String(Number(value.toPrecision(3)));
}
