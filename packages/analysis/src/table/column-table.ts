/**
 * Tables of named columns, the analysis' input besides plain arrays. Anything with `array(name)`,
 * `numRows()` and `columnNames()` is one (an arquero table is); `columnTable` and `tableOfRows` make
 * one from columns or rows without copying a column.
 */

/** A column-oriented table: anything with `array(name)`, as arquero's `Table` is. */
export interface ColumnSource {
  array(name: string): ArrayLike<unknown>;
  numRows(): number;
  columnNames(): string[];
}

/** Which columns of a table hold x and y. */
export interface XYColumns {
  x: string;
  y: string;
}

/** Whether `value` is a table (has `array` and `numRows`) rather than an array of numbers or rows. */
export function isColumnSource(value: unknown): value is ColumnSource {
  return typeof value === 'object' && value !== null && typeof (value as ColumnSource).array === 'function' && typeof (value as ColumnSource).numRows === 'function';
}

/**
 * A table of the given columns, each held as it is (arrays or typed arrays of one length).
 *
 * @example fitUsl(columnTable({ vus: [1, 2, 4, 8], rps: [100, 190, 340, 520] }), { x: 'vus', y: 'rps' })
 */
export function columnTable(columns: Readonly<Record<string, ArrayLike<unknown>>>): ColumnSource {
  const names = Object.keys(columns);
  const rows = names.length === 0 ? 0 : columns[names[0]!]!.length;
  return {
    array: (name) => columns[name] ?? [],
    numRows: () => rows,
    columnNames: () => [...names],
  };
}

/** A table of row objects, its columns named by the first row's keys (as arquero's `from`). */
export function tableOfRows(rows: readonly object[]): ColumnSource {
  const names = rows.length === 0 ? [] : Object.keys(rows[0]!);
  return columnTable(Object.fromEntries(names.map((name) => [name, rows.map((row) => (row as Record<string, unknown>)[name])])));
}
