import type { TimingRecord } from '@poolscope/core';
import type { PlannedCell } from '../plan/cells.js';
import type { RepeatOutcome, RuntimeInfo } from '../targets/target.js';

/** What every row of one run and host shares. */
export interface RowContext {
  readonly run_id: string;
  readonly host_id: string;
}

/**
 * The timings.csv row of one repetition: the cell, the runtime that ran it (the GIL state the
 * repetition reported, if any, else the session's) and the outcome.
 */
export function timingRow(context: RowContext, cell: PlannedCell, repeat: number, startedAt: string, runtime: RuntimeInfo, outcome: RepeatOutcome): TimingRecord {
  const common = {
    run_id: context.run_id,
    host_id: context.host_id,
    target: cell.target,
    runtime: runtime.runtime,
    runtime_version: runtime.runtime_version,
    gil: outcome.gil !== undefined ? outcome.gil : runtime.gil,
    task_type: cell.task_type,
    task_work: cell.task_work,
    num_tasks: cell.num_tasks,
    num_threads: cell.num_threads,
    repeat,
    started_at: startedAt,
  };
  const { wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb } = outcome;
  return outcome.status === 'ok'
    ? { ...common, status: 'ok', wall_ns: outcome.wall_ns, cpu_user_ns: outcome.cpu_user_ns, cpu_sys_ns: outcome.cpu_sys_ns, max_rss_kb: outcome.max_rss_kb, error: '' }
    : { ...common, status: outcome.status, wall_ns, cpu_user_ns, cpu_sys_ns, max_rss_kb, error: outcome.error };
}
