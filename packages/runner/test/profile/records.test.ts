import { describe, expect, it } from 'vitest';
import { profileSchema } from '@poolscope/core';
import { mergeFunctionTimes, type FunctionTime } from '../../src/profile/function-time.js';
import { toProfileRecords } from '../../src/profile/records.js';

const fn = (name: string, file: string, self_ns: number, total_ns: number, calls: number | null = null): FunctionTime => ({
  function: `${name} (${file}:1)`,
  name,
  file,
  line: 1,
  self_ns,
  total_ns,
  calls,
});

describe('mergeFunctionTimes', () => {
  it('adds up times per function across threads, and calls only where every thread counted them', () => {
    const merged = mergeFunctionTimes([
      [fn('cpu_task', 'poolscope_harness.py', 10, 10, 3), fn('_worker', 'concurrent/futures/thread.py', 0, 12, null)],
      [fn('cpu_task', 'poolscope_harness.py', 5, 5, 2), fn('_worker', 'concurrent/futures/thread.py', 1, 8, null)],
    ]);
    expect(merged.map((f) => [f.name, f.self_ns, f.total_ns, f.calls])).toEqual([
      ['_worker', 1, 20, null],
      ['cpu_task', 15, 15, 5],
    ]);
  });

  it('does not change its inputs', () => {
    const a = [fn('x', 'a.py', 1, 1)];
    mergeFunctionTimes([a, a]);
    expect(a[0]!.self_ns).toBe(1);
  });
});

describe('toProfileRecords', () => {
  const cell = { run_id: 'r1', target: 'python3.13t', task_type: 'cpu', num_tasks: 100, num_threads: 2, repeat: 0 } as const;

  it('writes valid profile.csv rows with categories', () => {
    const rows = toProfileRecords([fn('cpu_task', 'poolscope_harness.py', 1.4, 2.6), fn('acquire', 'threading.py', 7, 7)], cell);
    expect(rows).toEqual([
      { ...cell, function: 'cpu_task (poolscope_harness.py:1)', category: 'task', self_ns: 1, total_ns: 3, calls: null },
      { ...cell, function: 'acquire (threading.py:1)', category: 'lock', self_ns: 7, total_ns: 7, calls: null },
    ]);
    for (const row of rows) expect(profileSchema.zod.safeParse(row).success).toBe(true);
  });

  it('keeps total time at least the self time (cProfile rounding)', () => {
    const [row] = toProfileRecords([fn('x', 'a.py', 5, 4)], cell);
    expect(row!.total_ns).toBe(5);
  });
});
