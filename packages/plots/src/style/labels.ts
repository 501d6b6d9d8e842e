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

/** A number for an annotation: three significant digits, no exponent for everyday sizes. */
export function shortNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000 || (abs < 0.01 && abs > 0)) return value.toPrecision(3).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}
