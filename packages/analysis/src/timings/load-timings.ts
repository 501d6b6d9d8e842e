import * as aq from 'arquero';
import { ERROR_CODES, PoolscopeError, readRecordBatches, timingSchema, type ReadRecordsOptions } from '@poolscope/core';
import { analysisMessages } from '../messages.js';

/** The ok rows of one or more raw timing CSVs, as an arquero table, and what was left out. */
export interface LoadedTimings {
  /**
   * One row per ok repetition, columns: target, runtime, runtime_version, gil, task_type,
   * num_tasks, num_threads, wall_ns, cpu_user_ns, cpu_sys_ns (the raw CSV's names).
   */
  readonly table: aq.ColumnTable;
  readonly files: readonly string[];
  /** Data rows read (all statuses). */
  readonly rows: number;
  readonly okRows: number;
  readonly dropped: { readonly error: number; readonly timeout: number };
  /** The distinct host_id values seen. */
  readonly hostIds: readonly string[];
}

/**
 * Streams raw timing CSVs, validating every row against core's `timingSchema` (a bad row throws
 * E_BAD_DATA as `file:line: column 'x': expected ..., got '...'`), counts the rows that did not
 * finish ok, and keeps the ok ones column by column: numbers in Float64Arrays, repeated texts
 * interned, so memory grows with 8 bytes per number, not with an object per row.
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
  let rows = 0;
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
      }
    }
  }
  const label = files.join(', ');
  if (rows === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.emptyInput(label), { hint: analysisMessages.emptyInputHint });
  if (ok === 0) throw new PoolscopeError(ERROR_CODES.BAD_DATA, analysisMessages.noOkRows(label, rows), { hint: analysisMessages.noOkRowsHint });
  const table = aq.table({
    ...text,
    gil,
    num_tasks: numbers.num_tasks.subarray(0, ok),
    num_threads: numbers.num_threads.subarray(0, ok),
    wall_ns: numbers.wall_ns.subarray(0, ok),
    cpu_user_ns: numbers.cpu_user_ns.subarray(0, ok),
    cpu_sys_ns: numbers.cpu_sys_ns.subarray(0, ok),
  });
  return { table, files: [...files], rows, okRows: ok, dropped, hostIds: [...hosts].sort() };
}
