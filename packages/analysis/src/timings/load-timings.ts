import { ERROR_CODES, PoolscopeError, readRecordBatches, timingSchema, type ReadRecordsOptions, type TimingOk } from '@poolscope/core';
import { analysisMessages } from '../messages.js';
import { columnTable, type ColumnSource } from '../table/column-table.js';
import { NS_PER_S, type TimingCell, type TimingCells } from './timing-cells.js';

/** What reading raw timing CSVs left out, and what it saw. */
export interface ReadSummary {
  readonly files: readonly string[];
  /** Data rows read (all statuses). */
  readonly rows: number;
  readonly okRows: number;
  readonly dropped: { readonly error: number; readonly timeout: number };
  /** The distinct host_id values seen. */
  readonly hostIds: readonly string[];
}

/** The ok rows of one or more raw timing CSVs, as a table, and what was left out. */
export interface LoadedTimings extends ReadSummary {
  /**
   * One row per ok repetition, columns: target, runtime, runtime_version, gil, task_type,
   * num_tasks, num_threads, wall_ns, cpu_user_ns, cpu_sys_ns (the raw CSV's names).
   */
  readonly table: ColumnSource;
}

/**
 * Streams raw timing CSVs in batches, validating every row against core's `timingSchema` (a bad
 * row throws E_BAD_DATA as `file:line: column 'x': expected ..., got '...'`), counts the rows
 * that did not finish ok and hands each ok record to `onOk`. Throws E_BAD_DATA when the files
 * hold no row, or no ok row.
 */
async function readOkTimings(files: readonly string[], options: ReadRecordsOptions, onOk: (record: TimingOk) => void): Promise<ReadSummary> {
  let rows = 0;
  let okRows = 0;
  const dropped = { error: 0, timeout: 0 };
  const hosts = new Set<string>();
  let lastHost: string | undefined;
  for (const file of files) {
    for await (const batch of readRecordBatches(file, timingSchema, options)) {
      rows += batch.length;
      for (const { record } of batch) {
        if (record.host_id !== lastHost) hosts.add((lastHost = record.host_id));
        if (record.status !== 'ok') {
          dropped[record.status]++;
          continue;
        }
        okRows++;
        onOk(record);
      }
    }
  }
  const label = files.join(', ');
  if (rows === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.emptyInput(label), { hint: analysisMessages.emptyInputHint });
  if (okRows === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.noOkRows(label, rows), { hint: analysisMessages.noOkRowsHint });
  return { files: [...files], rows, okRows, dropped, hostIds: [...hosts].sort() };
}

/**
 * Streams and validates raw timing CSVs (see `readOkTimings`) and keeps the ok rows column by
 * column: numbers in Float64Arrays, repeated texts interned, so memory grows with 8 bytes per
 * number, not with an object per row.
 */
export async function loadTimings(files: readonly string[], options: ReadRecordsOptions = {}): Promise<LoadedTimings> {
  const interned = new Map<string, string>();
  // Rows come cell by cell, so a text is mostly the previous row's: compare with it before hashing.
  const interner = () => {
    let last: string | undefined;
    let lastInterned = '';
    return (s: string) => {
      if (s === last) return lastInterned;
      last = s;
      lastInterned = interned.get(s) ?? s;
      interned.set(s, lastInterned);
      return lastInterned;
    };
  };
  const intern = { target: interner(), runtime: interner(), runtime_version: interner(), task_type: interner() };
  const text = { target: [] as string[], runtime: [] as string[], runtime_version: [] as string[], task_type: [] as string[] };
  const gil: (boolean | null)[] = [];
  let capacity = 1 << 16;
  let numbers = { num_tasks: new Float64Array(capacity), num_threads: new Float64Array(capacity), wall_ns: new Float64Array(capacity), cpu_user_ns: new Float64Array(capacity), cpu_sys_ns: new Float64Array(capacity) };
  let ok = 0;
  const read = await readOkTimings(files, options, (record) => {
    if (ok === capacity) {
      capacity *= 2;
      const grow = (a: Float64Array) => {
        const b = new Float64Array(capacity);
        b.set(a);
        return b;
      };
      numbers = { num_tasks: grow(numbers.num_tasks), num_threads: grow(numbers.num_threads), wall_ns: grow(numbers.wall_ns), cpu_user_ns: grow(numbers.cpu_user_ns), cpu_sys_ns: grow(numbers.cpu_sys_ns) };
    }
    text.target.push(intern.target(record.target));
    text.runtime.push(intern.runtime(record.runtime));
    text.runtime_version.push(intern.runtime_version(record.runtime_version));
    text.task_type.push(intern.task_type(record.task_type));
    gil.push(record.gil);
    numbers.num_tasks[ok] = record.num_tasks;
    numbers.num_threads[ok] = record.num_threads;
    numbers.wall_ns[ok] = record.wall_ns;
    numbers.cpu_user_ns[ok] = record.cpu_user_ns;
    numbers.cpu_sys_ns[ok] = record.cpu_sys_ns;
    ok++;
  });
  const table = columnTable({
    ...text,
    gil,
    num_tasks: numbers.num_tasks.subarray(0, ok),
    num_threads: numbers.num_threads.subarray(0, ok),
    wall_ns: numbers.wall_ns.subarray(0, ok),
    cpu_user_ns: numbers.cpu_user_ns.subarray(0, ok),
    cpu_sys_ns: numbers.cpu_sys_ns.subarray(0, ok),
  });
  return { ...read, table };
}

/** A cell being filled: its first ok row, and its values in arrays that double as they fill. */
interface CellBuilder {
  readonly first: TimingOk;
  wall: Float64Array;
  busy: Float64Array;
  length: number;
}

/**
 * Streams and validates raw timing CSVs (see `readOkTimings`) straight into cells: of each ok row
 * only its wall time and busy cores are kept, in its cell's arrays, so a million rows cost 16 MB
 * and no table. The cells are those `timingCellsOfTable(loadTimings(files).table)` gives, in
 * the same order and with the same values: what `analyzeFiles` runs on.
 */
export async function loadTimingCells(files: readonly string[], options: ReadRecordsOptions = {}): Promise<TimingCells & ReadSummary> {
  const builders: CellBuilder[] = [];
  // target -> task_type -> num_tasks -> num_threads -> cell. Rows come cell by cell, so the
  // previous row's cell is tried first.
  const index = new Map<string, Map<string, Map<number, Map<number, CellBuilder>>>>();
  let last: CellBuilder | undefined;
  const find = (r: TimingOk): CellBuilder => {
    const byType = index.get(r.target) ?? index.set(r.target, new Map()).get(r.target)!;
    const byTasks = byType.get(r.task_type) ?? byType.set(r.task_type, new Map()).get(r.task_type)!;
    const byThreads = byTasks.get(r.num_tasks) ?? byTasks.set(r.num_tasks, new Map()).get(r.num_tasks)!;
    let cell = byThreads.get(r.num_threads);
    if (!cell) {
      cell = { first: r, wall: new Float64Array(16), busy: new Float64Array(16), length: 0 };
      byThreads.set(r.num_threads, cell);
      builders.push(cell);
    }
    return cell;
  };
  const read = await readOkTimings(files, options, (record) => {
    const f = last?.first;
    const cell = f && f.num_threads === record.num_threads && f.num_tasks === record.num_tasks && f.target === record.target && f.task_type === record.task_type ? last! : find(record);
    last = cell;
    if (cell.length === cell.wall.length) {
      const wall = new Float64Array(cell.length * 2);
      const busy = new Float64Array(cell.length * 2);
      wall.set(cell.wall);
      busy.set(cell.busy);
      cell.wall = wall;
      cell.busy = busy;
    }
    // As timingCellsOfTable computes them, from the same numbers.
    const w = record.wall_ns;
    cell.wall[cell.length] = w / NS_PER_S;
    cell.busy[cell.length++] = (record.cpu_user_ns + record.cpu_sys_ns) / w;
  });
  const cells = builders.map(({ first, wall, busy, length }): TimingCell => ({
    target: first.target,
    task_type: first.task_type,
    num_tasks: first.num_tasks,
    num_threads: first.num_threads,
    runtime: first.runtime,
    runtime_version: first.runtime_version,
    gil: first.gil,
    wall: wall.subarray(0, length),
    busy: busy.subarray(0, length),
  }));
  return { ...read, cells };
}
