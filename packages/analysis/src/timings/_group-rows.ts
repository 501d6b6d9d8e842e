import type { ColumnSource } from '../fit/_input.js';

/** The rows of a table split by the values of some columns. */
export interface RowGroups {
  /** The group of each row, numbered in order of first appearance. */
  readonly groupOf: Int32Array;
  /** The first row of each group. */
  readonly firstRow: readonly number[];
}

/** What arquero tables have beyond `ColumnSource`: direct access to unfiltered, unordered columns. */
interface DirectColumns {
  column(name: string): unknown;
  isFiltered(): boolean;
  isOrdered(): boolean;
}

/**
 * A column's values in row order. An arquero table that is neither filtered nor ordered hands its
 * array (or typed array) over as it is; anything else is copied by `array(name)`, which on a
 * million rows costs a closure call per value.
 */
export function rowValues(table: ColumnSource, name: string): ArrayLike<unknown> {
  const direct = table as unknown as Partial<DirectColumns>;
  if (typeof direct.column === 'function' && typeof direct.isFiltered === 'function' && typeof direct.isOrdered === 'function' && !direct.isFiltered() && !direct.isOrdered()) {
    const column = direct.column(name);
    if ((Array.isArray(column) || ArrayBuffer.isView(column)) && (column as ArrayLike<unknown>).length === table.numRows()) return column as ArrayLike<unknown>;
  }
  return table.array(name);
}

/**
 * Groups `n` rows by the values in `columns` (equal as a Map key: 100 and '100' differ), numbering
 * groups in order of first appearance, as arquero's groupby does. Rows of one group mostly come
 * together (a run writes cell by cell), so each row is first compared with the previous one and
 * only a change costs map lookups: a million rows take milliseconds, not the half second of
 * building a key string per row.
 */
export function groupRows(columns: readonly ArrayLike<unknown>[], n: number): RowGroups {
  const groupOf = new Int32Array(n);
  const firstRow: number[] = [];
  const root = new Map<unknown, unknown>();
  const last = columns.map(() => undefined as unknown);
  let lastGroup = -1;
  for (let row = 0; row < n; row++) {
    let same = lastGroup >= 0;
    for (let c = 0; same && c < columns.length; c++) same = Object.is(columns[c]![row], last[c]);
    if (!same) {
      let node = root;
      for (let c = 0; c < columns.length; c++) {
        const value = columns[c]![row];
        last[c] = value;
        if (c === columns.length - 1) {
          let group = node.get(value) as number | undefined;
          if (group === undefined) {
            group = firstRow.push(row) - 1;
            node.set(value, group);
          }
          lastGroup = group;
        } else {
          let next = node.get(value) as Map<unknown, unknown> | undefined;
          if (!next) node.set(value, (next = new Map()));
          node = next;
        }
      }
    }
    groupOf[row] = lastGroup;
  }
  return { groupOf, firstRow };
}
