import { TASK_TYPES, choiceListParser, readInteger, valueParser, type TaskType } from '@poolscope/core';
import { runnerMessages } from '../messages.js';

const expected = runnerMessages.expectedValue;

/** A list of task types, each `cpu` or `io`, in that order. */
export const parseTaskTypes = choiceListParser(TASK_TYPES, expected.taskTypes(TASK_TYPES));

/**
 * Sizes per task type: one positive integer for every type (`200`), or per type (`cpu=200,io=1000`,
 * or `{"cpu": 200}` in a config file).
 */
export const parseTaskSizes = valueParser(expected.taskSizes, (value): Partial<Record<TaskType, number>> | undefined => {
  const single = readInteger(value, 1);
  if (single !== undefined) return Object.fromEntries(TASK_TYPES.map((t) => [t, single]));
  let pairs: [string, unknown][];
  if (typeof value === 'string') pairs = value.split(',').map((p) => p.split('=').map((s) => s.trim()) as [string, unknown]);
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) pairs = Object.entries(value);
  else return undefined;
  const sizes: Partial<Record<TaskType, number>> = {};
  for (const [type, size] of pairs) {
    const n = readInteger(size, 1);
    if (!(TASK_TYPES as readonly string[]).includes(type) || n === undefined || sizes[type as TaskType] !== undefined) return undefined;
    sizes[type as TaskType] = n;
  }
  return Object.keys(sizes).length === 0 ? undefined : sizes;
});

/** A run id: letters, digits, `.`, `_` and `-`, as it goes into file names and CSV cells. */
export const parseRunId = valueParser(expected.runId, (value) =>
  typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value) ? value : undefined,
);
