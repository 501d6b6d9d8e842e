import { describe, expect, it } from 'vitest';
import { timingSchema } from '@poolscope/core';
import { timingRow } from '../../src/run/timing-row.js';

const cell = { target: 'python3.13t', task_type: 'cpu', task_work: 9, num_tasks: 100, num_threads: 4 } as const;
const runtime = { runtime: 'cpython', runtime_version: '3.13.5', gil: false };
const at = '2026-11-25T22:00:00.000Z';

describe('timingRow', () => {
  it('makes a valid ok row from a cell, its runtime and the measurements', () => {
    const row = timingRow({ run_id: 'r', host_id: 'h' }, cell, 2, at, runtime, { status: 'ok', wall_ns: 5, cpu_user_ns: 4, cpu_sys_ns: 1, max_rss_kb: 7 });
    expect(row).toEqual({ run_id: 'r', host_id: 'h', ...cell, runtime: 'cpython', runtime_version: '3.13.5', gil: false, repeat: 2, started_at: at, status: 'ok', wall_ns: 5, cpu_user_ns: 4, cpu_sys_ns: 1, max_rss_kb: 7, error: '' });
    expect(timingSchema.zod.safeParse(row).success).toBe(true);
  });

  it('keeps the error of a failed repetition and the GIL state it reported', () => {
    const row = timingRow({ run_id: 'r', host_id: 'h' }, cell, 0, at, runtime, { status: 'timeout', error: 'slow', gil: true, wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null });
    expect(row).toMatchObject({ status: 'timeout', error: 'slow', gil: true, wall_ns: null });
    expect(timingSchema.zod.safeParse(row).success).toBe(true);
  });
});
