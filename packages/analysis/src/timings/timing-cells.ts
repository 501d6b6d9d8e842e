import type { TaskType } from '@poolscope/core';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { analysisMessages } from '../messages.js';
import { groupRows } from '../table/_group-rows.js';
import type { ColumnSource } from '../table/column-table.js';

/**
 * The ok repeats of one (target, task_type, num_tasks, num_threads) cell, all the timing analysis
 * needs of the rows: two numbers per repeat, and a few texts from the cell's first row.
 */
export interface TimingCell {
  readonly target: string;
  readonly task_type: TaskType;
  readonly num_tasks: number;
  readonly num_threads: number;
  /** As the cell's first row gives them ('' when the input has no such column). */
  readonly runtime: string;
  readonly runtime_version: string;
  /** The first row's gil value as it came (true, false, null, or a text such as 'true'). */
  readonly gil: unknown;
  /** Wall time of each ok repeat, in seconds. */
  readonly wall: Float64Array;
  /** (user + system CPU time) / wall time of each ok repeat: the cores kept busy. */
  readonly busy: Float64Array;
}

/** The cells of some timings, in order of first appearance, and how many rows they came from. */
export interface TimingCells {
  readonly cells: readonly TimingCell[];
  readonly rows: number;
  readonly okRows: number;
  readonly dropped: { readonly error: number; readonly timeout: number };
}

export const NS_PER_S = 1e9;

/**
 * The cells of a table with the raw CSV's columns (status optional: all rows ok without it). A
 * cell whose rows all failed is left out; a cell's texts come from its first row, ok or not.
 * Throws E_BAD_DATA for an ok row whose wall time is not a positive number, and when no row is ok.
 */
export function timingCellsOfTable(table: ColumnSource): TimingCells {
  const names = table.columnNames();
  const n = table.numRows();
  const col = (name: string) => (names.includes(name) ? table.array(name) : null);
  const status = col('status');
  const wall = table.array('wall_ns');
  const user = table.array('cpu_user_ns');
  const sys = table.array('cpu_sys_ns');
  const dropped = { error: 0, timeout: 0 };
  let okRows = 0;
  const okMask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const s = status ? status[i] : 'ok';
    if (s === 'ok') {
      const w = Number(wall[i]);
      if (!(Number.isFinite(w) && w > 0)) {
        throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.notPositive(`row ${i}`, 'wall_ns', String(wall[i])), { hint: analysisMessages.notPositiveHint('wall_ns') });
      }
      okMask[i] = 1;
      okRows++;
    } else if (s === 'timeout') dropped.timeout++;
    else dropped.error++;
  }
  if (okRows === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.noOkRows('input', n), { hint: analysisMessages.noOkRowsHint });

  const targetCol = table.array('target');
  const taskTypeCol = table.array('task_type');
  const numTasksCol = table.array('num_tasks');
  const threadsCol = table.array('num_threads');
  const { groupOf, firstRow } = groupRows([targetCol, taskTypeCol, numTasksCol, threadsCol], n);
  const cellCount = firstRow.length;
  const counts = new Int32Array(cellCount);
  for (let i = 0; i < n; i++) if (okMask[i]) counts[groupOf[i]!]!++;
  const wallByCell = Array.from(counts, (c) => new Float64Array(c));
  const busyByCell = Array.from(counts, (c) => new Float64Array(c));
  const fill = new Int32Array(cellCount);
  for (let i = 0; i < n; i++) {
    if (!okMask[i]) continue;
    const k = groupOf[i]!;
    const w = Number(wall[i]);
    wallByCell[k]![fill[k]!] = w / NS_PER_S;
    busyByCell[k]![fill[k]!++] = (Number(user[i]) + Number(sys[i])) / w;
  }
  const runtimeCol = col('runtime');
  const versionCol = col('runtime_version');
  const gilCol = col('gil');
  const cells: TimingCell[] = [];
  for (let k = 0; k < cellCount; k++) {
    if (counts[k] === 0) continue;
    const row = firstRow[k]!;
    cells.push({
      target: String(targetCol[row]),
      task_type: String(taskTypeCol[row]) as TaskType,
      num_tasks: Number(numTasksCol[row]),
      num_threads: Number(threadsCol[row]),
      runtime: runtimeCol ? String(runtimeCol[row]) : '',
      runtime_version: versionCol ? String(versionCol[row]) : '',
      gil: gilCol ? gilCol[row] : null,
      wall: wallByCell[k]!,
      busy: busyByCell[k]!,
    });
  }
  return { cells, rows: n, okRows, dropped };
}
