import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvAppender, PROFILE_COLUMNS, TIMING_COLUMNS, profileSchema, readAllRecords, timingSchema, type TimingRecord } from '../../src/index.js';
import { profileRow, timingRow } from '../fixtures/records.js';

const dir = () => mkdtempSync(join(tmpdir(), 'poolscope-core-'));

describe('timing and profile rows round-trip through the appender and the reader', () => {
  it('writes the timing columns in the documented order', () => {
    expect(TIMING_COLUMNS).toEqual([
      'run_id', 'host_id', 'target', 'runtime', 'runtime_version', 'gil', 'task_type', 'task_work', 'num_tasks',
      'num_threads', 'repeat', 'wall_ns', 'cpu_user_ns', 'cpu_sys_ns', 'max_rss_kb', 'status', 'error', 'started_at',
    ]);
    expect(PROFILE_COLUMNS).toEqual([
      'run_id', 'target', 'task_type', 'num_tasks', 'num_threads', 'repeat', 'function', 'category', 'self_ns', 'total_ns', 'calls',
    ]);
  });

  it('reads back exactly what it wrote, ok and failed rows alike', async () => {
    const file = join(dir(), 'raw', 'timings.csv');
    const rows = [
      timingRow(),
      timingRow({ gil: true, target: 'python3.13', runtime: 'cpython', runtime_version: '3.13.0 (main) [GCC 12.2.0]', repeat: 1 }),
      timingRow({ gil: false, task_type: 'io', status: 'error', error: 'ValueError: boom, "quoted", with commas', wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null }),
      timingRow({ status: 'timeout', error: 'cell exceeded --timeout-s 5', wall_ns: 5_000_000_000 }),
    ];
    const out = CsvAppender.open(file, timingSchema);
    for (const row of rows) out.append(row);
    out.close();
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(TIMING_COLUMNS.join(','));
    expect(await readAllRecords(file, timingSchema)).toEqual(rows);
  });

  it('accepts an ok row whose peak memory the platform could not tell', async () => {
    const file = join(dir(), 'timings.csv');
    const row = timingRow({ max_rss_kb: null });
    const out = CsvAppender.open(file, timingSchema);
    out.append(row);
    out.close();
    expect(await readAllRecords(file, timingSchema)).toEqual([row]);
  });

  it('keeps a multi-line error on one line, written as \\n', async () => {
    const file = join(dir(), 'timings.csv');
    const out = CsvAppender.open(file, timingSchema);
    out.append(timingRow({ status: 'error', error: 'Traceback:\n  line 1\r\nValueError' }));
    out.close();
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(2);
    const [row] = await readAllRecords(file, timingSchema);
    expect(row?.error).toBe('Traceback:\\n  line 1\\nValueError');
  });

  it('round-trips profile rows, with and without call counts', async () => {
    const file = join(dir(), 'profile.csv');
    const rows = [profileRow(), profileRow({ function: 'task (bench.py:3)', category: 'task', calls: 1000, self_ns: 7, total_ns: 7 })];
    const out = CsvAppender.open(file, profileSchema);
    out.appendAll(rows);
    out.close();
    expect(await readAllRecords(file, profileSchema)).toEqual(rows);
  });

  it('refuses to write an invalid record, and writes none of its batch', async () => {
    const file = join(dir(), 'timings.csv');
    const out = CsvAppender.open(file, timingSchema);
    expect(() => out.appendAll([timingRow(), timingRow({ num_threads: 0 })])).toThrow(/invalid timings row: num_threads/);
    const okWithoutTime = { ...timingRow(), wall_ns: null } as unknown as TimingRecord;
    expect(() => out.append(okWithoutTime)).toThrow(/wall_ns/);
    out.close();
    expect(await readAllRecords(file, timingSchema)).toEqual([]);
  });

  it('appends to an existing file of the same schema and refuses another schema', async () => {
    const file = join(dir(), 'timings.csv');
    CsvAppender.open(file, timingSchema).append(timingRow({ repeat: 0 }));
    const again = CsvAppender.open(file, timingSchema);
    again.append(timingRow({ repeat: 1 }));
    again.close();
    expect((await readAllRecords(file, timingSchema)).map((r) => r.repeat)).toEqual([0, 1]);
    expect(() => CsvAppender.open(file, profileSchema)).toThrow(expect.objectContaining({ code: 'E_SCHEMA_MISMATCH' }));
  });

  it('reports an unwritable location as an output error', () => {
    const blocker = join(dir(), 'file');
    writeFileSync(blocker, '');
    expect(() => CsvAppender.open(join(blocker, 'timings.csv'), timingSchema)).toThrow(expect.objectContaining({ code: 'E_OUTPUT' }));
  });
});
