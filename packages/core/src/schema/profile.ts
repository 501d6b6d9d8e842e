import { cells } from './cells.js';
import { defineCsvSchema } from './csv-schema.js';
import { TASK_TYPES, type TaskType } from './timing.js';

/**
 * Where a function's time belongs (Experiment 3): the task body, waiting for or iterating results,
 * locks and condition waits, handing work to workers, idling, or anything else.
 */
export const FUNCTION_CATEGORIES = ['task', 'result', 'lock', 'dispatch', 'idle', 'other'] as const;
export type FunctionCategory = (typeof FUNCTION_CATEGORIES)[number];

/** One row of `raw/profile.csv`: one function's time in one profiled cell, all threads merged. */
export interface ProfileRecord {
  run_id: string;
  target: string;
  task_type: TaskType;
  num_tasks: number;
  num_threads: number;
  repeat: number;
  /** The function, as `name (file:line)` or as the profiler names it. */
  function: string;
  category: FunctionCategory;
  /** Time with this function innermost on the stack. */
  self_ns: number;
  /** Time with this function anywhere on the stack. */
  total_ns: number;
  /** Number of calls; null where the profiler samples and cannot count calls. */
  calls: number | null;
}

export const profileSchema = defineCsvSchema<ProfileRecord>(
  'profile',
  {
    run_id: cells.text,
    target: cells.text,
    task_type: cells.oneOf(TASK_TYPES),
    num_tasks: cells.positiveInt,
    num_threads: cells.positiveInt,
    repeat: cells.nonNegativeInt,
    function: cells.text,
    category: cells.oneOf(FUNCTION_CATEGORIES),
    self_ns: cells.nonNegativeInt,
    total_ns: cells.nonNegativeInt,
    calls: cells.optionalNonNegativeInt,
  },
  (r) =>
    (r.total_ns as number) < (r.self_ns as number)
      ? [{ column: 'total_ns', message: `is less than self_ns (${String(r.self_ns)}); total time includes self time` }]
      : [],
);

export const PROFILE_COLUMNS = profileSchema.columns;
