/** The rows a run directory already holds: what a resumed run must not measure or profile again. */
import { existsSync } from 'node:fs';
import { ERROR_CODES, PoolscopeError, profileSchema, readRecords, timingSchema } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { cellKey, rowKey, type PlannedCell } from '../plan/cells.js';
import type { RunPlan } from '../plan/plan-file.js';
import { pushTo } from '../util/push-to.js';

/** The rows already in timings.csv, by what a run needs of them. */
export interface DoneRows {
  /** The line of each row, by `rowKey`. */
  readonly doneLines: Map<string, number>;
  /** The wall times of each cell's ok rows, by `cellKey`. */
  readonly walls: Map<string, number[]>;
  /** The cells with a failed row (which are not profiled), by `cellKey`. */
  readonly failedCells: Set<string>;
}

/**
 * The rows already in timings.csv (a resumed run), each checked to belong to the plan and to
 * appear once: the line of each row key, the wall times of each cell's ok rows, and the cells
 * with a failed row (which are not profiled).
 */
export async function readDoneRows(file: string, plan: RunPlan, cells: readonly PlannedCell[]): Promise<DoneRows> {
  const planned = new Set(cells.flatMap((cell) => Array.from({ length: plan.matrix.repeats }, (_, repeat) => rowKey({ ...cell, repeat }))));
  const doneLines = new Map<string, number>();
  const walls = new Map<string, number[]>();
  const failedCells = new Set<string>();
  for await (const { line, record } of readRecords(file, timingSchema)) {
    const key = rowKey(record);
    const where = `${file}:${line}`;
    if (record.run_id !== plan.run_id || !planned.has(key))
      throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.rowNotInRun(where, plan.run_id), { hint: runnerMessages.foreignRowsHint });
    const first = doneLines.get(key);
    if (first !== undefined) throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.duplicateRow(where, first), { hint: runnerMessages.foreignRowsHint });
    doneLines.set(key, line);
    if (record.status === 'ok') pushTo(walls, cellKey(record), record.wall_ns);
    else failedCells.add(cellKey(record));
  }
  return { doneLines, walls, failedCells };
}

/** The cells of the plan that already have profile rows (a resumed run), each row checked to belong to it. */
export async function readProfiledCells(file: string, plan: RunPlan, cells: readonly PlannedCell[]): Promise<Set<string>> {
  const planned = new Set(cells.map(profileKey));
  const profiled = new Set<string>();
  if (!existsSync(file)) return profiled;
  for await (const { line, record } of readRecords(file, profileSchema)) {
    const key = profileKey(record);
    if (record.run_id !== plan.run_id || !planned.has(key))
      throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.rowNotInRun(`${file}:${line}`, plan.run_id), { hint: runnerMessages.foreignRowsHint });
    profiled.add(key);
  }
  return profiled;
}

/** A profiled cell's identity in profile.csv, whose rows carry no task work (one per target and type in a plan). */
export const profileKey = (cell: Pick<PlannedCell, 'target' | 'task_type' | 'num_tasks' | 'num_threads'>) =>
  `${cell.target}|${cell.task_type}|${cell.num_tasks}|${cell.num_threads}`;

