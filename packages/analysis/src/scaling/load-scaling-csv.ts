import { ERROR_CODES, PoolscopeError, locateColumns, readCsvRows } from '@poolscope/core';
import { analysisMessages } from '../messages.js';
import { columnTable, type ColumnSource } from '../table/column-table.js';

/** Which columns of a foreign CSV to read. */
export interface ScalingColumns {
  x: string;
  y: string;
  by?: readonly string[];
}

/**
 * Streams any CSV (BOM, CRLF, quoted fields and extra columns accepted) and keeps the x and y
 * columns as numbers and the `by` columns as texts, in a table. A missing column, or an
 * x or y cell that is not a positive finite number, throws E_BAD_DATA naming `file:line` and the
 * column; a row with the wrong number of fields names its line too.
 */
export async function loadScalingCsv(file: string, columns: ScalingColumns): Promise<ColumnSource> {
  const by = [...(columns.by ?? [])];
  const required = [columns.x, columns.y, ...by];
  let index: Map<string, number> | undefined;
  let width = 0;
  const xs: number[] = [];
  const ys: number[] = [];
  const groups: string[][] = by.map(() => []);
  for await (const { line, cells } of readCsvRows(file)) {
    if (!index) {
      index = locateColumns(file, cells, required, 'scaling data');
      width = cells.length;
      continue;
    }
    if (cells.length !== width) throw new PoolscopeError(ERROR_CODES.BAD_DATA, `${file}:${line}: row has ${cells.length} fields, the header has ${width}`);
    const at = index;
    const number = (column: string) => {
      const text = cells[at.get(column)!] ?? '';
      const v = text === '' ? Number.NaN : Number(text);
      if (!(Number.isFinite(v) && v > 0)) {
        throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.notPositive(`${file}:${line}`, column, text), { hint: analysisMessages.notPositiveHint(column) });
      }
      return v;
    };
    xs.push(number(columns.x));
    ys.push(number(columns.y));
    by.forEach((column, i) => groups[i]!.push(cells[at.get(column)!] ?? ''));
  }
  if (!index) throw new PoolscopeError(ERROR_CODES.BAD_DATA, `${file}: the file is empty (no header line)`, { hint: analysisMessages.emptyInputHint });
  if (xs.length === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.emptyInput(file), { hint: analysisMessages.emptyInputHint });
  const data: Record<string, unknown[]> = { [columns.x]: xs, [columns.y]: ys };
  by.forEach((column, i) => (data[column] = groups[i]!));
  return columnTable(data);
}
