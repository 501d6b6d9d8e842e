import type { ProfileRecord } from '@poolscope/core';
import { DEFAULT_CATEGORY_RULES, categorize, type CategoryRule } from './categories.js';
import { mergeFunctionTimes, type FunctionTime, type ThreadProfile } from './function-time.js';

/** The columns of a profile row that say which cell and repeat it belongs to. */
export type ProfileCell = Pick<ProfileRecord, 'run_id' | 'target' | 'task_type' | 'num_tasks' | 'num_threads' | 'repeat'>;

/**
 * Rows of `raw/profile.csv` (core's `profileSchema`) for one profiled cell: one per function, with
 * its category from `rules`, in the order given (mergeFunctionTimes sorts by total time).
 */
export function toProfileRecords(functions: readonly FunctionTime[], cell: ProfileCell, rules: readonly CategoryRule[] = DEFAULT_CATEGORY_RULES): ProfileRecord[] {
  return functions.map((fn) => {
    const self_ns = Math.max(0, Math.round(fn.self_ns));
    return {
      ...cell,
      function: fn.function,
      category: categorize(fn, rules),
      self_ns,
      total_ns: Math.max(self_ns, Math.round(fn.total_ns)),
      calls: fn.calls,
    };
  });
}

/**
 * The profile.csv rows of one profiled cell: its threads merged per function (`repeat` 0, the
 * cell's one profiled run), categorised by `rules`.
 */
export function cellProfileRecords(
  profile: { readonly threads: readonly ThreadProfile[] },
  run_id: string,
  cell: Pick<ProfileRecord, 'target' | 'task_type' | 'num_tasks' | 'num_threads'>,
  rules: readonly CategoryRule[] = DEFAULT_CATEGORY_RULES,
): ProfileRecord[] {
  const { target, task_type, num_tasks, num_threads } = cell;
  return toProfileRecords(mergeFunctionTimes(profile.threads.map((t) => t.functions)), { run_id, target, task_type, num_tasks, num_threads, repeat: 0 }, rules);
}
