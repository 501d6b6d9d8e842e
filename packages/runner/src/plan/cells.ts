import { ERROR_CODES, PoolscopeError, type TaskType } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import type { CellSpec } from '../targets/target.js';
import { seededShuffle } from './random.js';
import type { RunMatrix, RunPlan } from './plan-file.js';
import { assignShards, type Shard } from './shard.js';

/** One cell of a run: what to run, and on which target. */
export interface PlannedCell extends CellSpec {
  readonly target: string;
}

/** The fields that identify a cell across resume, shards and merge. */
export type CellIdentity = Pick<PlannedCell, 'target' | 'task_type' | 'task_work' | 'num_tasks' | 'num_threads'>;

/** A cell's identity as one string: target, task type, task work, task count, thread count. */
export function cellKey(cell: CellIdentity): string {
  return `${cell.target}|${cell.task_type}|${cell.task_work}|${cell.num_tasks}|${cell.num_threads}`;
}

/** A row's identity: its cell and its repetition. */
export function rowKey(row: CellIdentity & { readonly repeat: number }): string {
  return `${cellKey(row)}|${row.repeat}`;
}

/**
 * The unit of sharding: one speedup curve, i.e. every thread count of one target, task type and
 * task count. A shard holds whole curves so each speedup is measured on one machine.
 */
function curveKey(target: string, type: TaskType, tasks: number): string {
  return `${target}|${type}|${tasks}`;
}

/**
 * The curves of a matrix that belong to `shard` (all of them without a shard), as
 * `[target, task type, task count]`. The assignment depends only on the matrix and the shard
 * count, and balances the number of tasks each shard runs.
 */
export function curvesOfShard(matrix: RunMatrix, shard: Shard | null): [string, TaskType, number][] {
  const curves: [string, TaskType, number][] = [];
  for (const target of matrix.targets)
    for (const type of matrix.task_types) for (const tasks of matrix.tasks) curves.push([target, type, tasks]);
  if (!shard || shard.count === 1) return curves;
  const units = curves.map(([target, type, tasks]) => ({ key: curveKey(target, type, tasks), cost: tasks * matrix.threads.length }));
  const assigned = assignShards(units, shard.count);
  return curves.filter(([target, type, tasks]) => assigned.get(curveKey(target, type, tasks)) === shard.index);
}

/** The (target, task type) pairs a shard measures, which are the ones it must calibrate. */
export function targetTypesOfShard(matrix: RunMatrix, shard: Shard | null): [string, TaskType][] {
  const seen = new Map<string, [string, TaskType]>();
  for (const [target, type] of curvesOfShard(matrix, shard)) seen.set(`${target}|${type}`, [target, type]);
  return [...seen.values()];
}

/**
 * The cells of a plan (its shard of the matrix), in the order they run: shuffled with the plan's
 * seed, so slow drift of the machine (heat, other load) does not line up with the thread count.
 */
export function plannedCells(plan: RunPlan, planFile: string): PlannedCell[] {
  const cells: PlannedCell[] = [];
  for (const [target, task_type, num_tasks] of curvesOfShard(plan.matrix, plan.shard)) {
    const task_work = plan.task_work[target]?.[task_type];
    if (task_work === undefined)
      throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.planMissingWork(planFile, target, task_type), { hint: runnerMessages.planHint });
    for (const num_threads of plan.matrix.threads) cells.push({ target, task_type, task_work, num_tasks, num_threads });
  }
  return seededShuffle(cells, plan.seed);
}
