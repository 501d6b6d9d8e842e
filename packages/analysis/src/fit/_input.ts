import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { analysisMessages } from '../messages.js';
import { isColumnSource, type ColumnSource, type XYColumns } from '../table/column-table.js';

/** Reads one numeric column of a table, checking it exists. */
export function numericColumn(table: ColumnSource, name: string): number[] {
  const names = table.columnNames();
  if (!names.includes(name)) {
    throw new PoolscopeError(ERROR_CODES.USAGE, analysisMessages.missingTableColumns([name]), { hint: analysisMessages.missingTableColumnsHint([name]) });
  }
  return Array.from(table.array(name), (v) => Number(v));
}

/**
 * Checks that x and y pair up and hold positive finite numbers; throws E_BAD_DATA naming the
 * offending element (`x[3]`), or the column when they came from a table.
 */
export function checkXY(x: ArrayLike<number>, y: ArrayLike<number>, names: XYColumns = { x: 'x', y: 'y' }): { x: number[]; y: number[] } {
  if (x.length !== y.length) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.lengthMismatch(x.length, y.length));
  const check = (values: ArrayLike<number>, column: string) => {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!(Number.isFinite(v) && v > 0)) {
        throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.notPositive(`${column}[${i}]`, column, String(v)), {
          hint: analysisMessages.notPositiveHint(column),
        });
      }
    }
  };
  check(x, names.x);
  check(y, names.y);
  return { x: Array.from(x), y: Array.from(y) };
}

/** The x and y arrays of either call form: `(x, y, options)` or `(table, { x, y, ...options })`. */
export function resolveXY<O>(a: ArrayLike<number> | ColumnSource, b: ArrayLike<number> | (XYColumns & O) | undefined): { x: number[]; y: number[] } {
  if (isColumnSource(a)) {
    const columns = b as XYColumns;
    return checkXY(numericColumn(a, columns.x), numericColumn(a, columns.y), columns);
  }
  return checkXY(a, (b ?? []) as ArrayLike<number>);
}

export function distinctCount(values: readonly number[]): number {
  return new Set(values).size;
}
