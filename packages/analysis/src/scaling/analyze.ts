import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import type { GroupAnalysis } from './analyze-group.js';
import type { Metric } from './speedup-table.js';
import { analysisMessages } from '../messages.js';
import { groupRows } from '../table/_group-rows.js';
import { isColumnSource, tableOfRows, type ColumnSource } from '../table/column-table.js';
import { analyzeGroup, resolveSettings, type GroupSettings } from './analyze-group.js';

/** The analysis of any CSV: `poolscope analyze FILE.csv --x COL --y COL --json`. */
export interface ScalingAnalysis {
  readonly x: string;
  readonly y: string;
  readonly by: readonly string[];
  readonly metric: Metric;
  readonly groups: readonly GroupAnalysis<Readonly<Record<string, string>>>[];
}

/** Options of `analyze`. */
export interface AnalyzeOptions extends GroupSettings {
  /** The capacity column (threads, users, processes). */
  x: string;
  /** The measured column. */
  y: string;
  /** Columns whose values split the rows into groups. Default none: one group. */
  by?: readonly string[];
  /** 'throughput': y grows with capacity; 'time': y is elapsed time for fixed work. Default 'throughput'. */
  metric?: Metric;
  /** Where the rows came from, for messages (`file.csv`); rows are then named `file.csv:LINE` (row i is line i + 2). Default 'row'. */
  source?: string;
}

type Rows = readonly Readonly<Record<string, unknown>>[];

/** Where row i of the input is, for messages: a file line (header is line 1) or a row index. */
function where(source: string | undefined, row: number): string {
  return source === undefined ? `row ${row}` : `${source}:${row + 2}`;
}

/**
 * Analyses any scaling data: for each group of rows (by the `by` columns), a speedup table with
 * bootstrap CIs, the fit of every model, the plateau threshold and predictions. Accepts a table
 * (`columnTable`, `loadScalingCsv`'s, an arquero table) or an array of row objects. Every x and y
 * must be a positive finite number: anything else throws E_BAD_DATA naming the row (or file
 * line) and the column.
 *
 * @example analyze(rows, { x: 'vus', y: 'rps', metric: 'throughput' }).groups[0].fits.usl
 */
export function analyze(input: ColumnSource | Rows, options: AnalyzeOptions): ScalingAnalysis {
  const table = isColumnSource(input) ? input : tableOfRows(input);
  const by = [...(options.by ?? [])];
  const metric = options.metric ?? 'throughput';
  const names = table.columnNames();
  const missing = [options.x, options.y, ...by].filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, `${options.source ?? 'input'}: ${analysisMessages.missingTableColumns(missing)}`, {
      hint: analysisMessages.missingTableColumnsHint([options.x, options.y, ...by]),
    });
  }
  if (table.numRows() === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.emptyInput(options.source ?? 'input'), { hint: analysisMessages.emptyInputHint });
  const xs = table.array(options.x);
  const ys = table.array(options.y);
  const number = (values: ArrayLike<unknown>, column: string, row: number): number => {
    const raw = values[row];
    const v = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
    if (!(Number.isFinite(v) && v > 0)) {
      throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.notPositive(where(options.source, row), column, String(raw ?? '')), {
        hint: analysisMessages.notPositiveHint(column),
      });
    }
    return v;
  };
  const n = table.numRows();
  // Grouped by the `by` values as texts, as the keys report them: 1 and '1' are one group.
  const byValues = by.map((column) => Array.from(table.array(column), (v) => String(v)));
  const { groupOf, firstRow } = groupRows(byValues, n);
  const byGroup = firstRow.map(() => new Map<number, number[]>());
  for (let row = 0; row < n; row++) {
    const g = groupOf[row]!;
    const x = number(xs, options.x, row);
    const y = number(ys, options.y, row);
    const map = byGroup[g]!;
    const list = map.get(x);
    if (list) list.push(y);
    else map.set(x, [y]);
  }
  const settings = resolveSettings(options);
  const groups = byGroup.map((byX, g) => {
    const key = Object.fromEntries(by.map((column, i) => [column, byValues[i]![firstRow[g]!]!]));
    return analyzeGroup(key, JSON.stringify(key), byX, metric, settings).analysis;
  });
  groups.sort((a, b) => compareKeys(a.key, b.key, by));
  return { x: options.x, y: options.y, by, metric, groups };
}

/** Orders group keys column by column, numerically where both values are numbers. */
function compareKeys(a: Record<string, string>, b: Record<string, string>, by: readonly string[]): number {
  for (const column of by) {
    const x = a[column]!;
    const y = b[column]!;
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x < y ? -1 : x > y ? 1 : 0;
    if (c !== 0) return c;
  }
  return 0;
}
