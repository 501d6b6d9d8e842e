import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@poolscope/core';
import { categorize } from '../../src/profile/categories.js';
import { toProfileRecords } from '../../src/profile/records.js';
import { PythonHarness, type PythonProfileOk, type PythonProfileResult } from '../../src/python/harness.js';
import { runnerMessages } from '../../src/messages.js';
import { GIL_313, OPT_313T, needs, pyenvPython } from './interpreters.js';
import { withMeasureLock } from './measure-lock.js';

function ok(result: PythonProfileResult): PythonProfileOk {
  if (result.status !== 'ok') throw new Error(`profile failed: ${result.error}`);
  return result;
}

/** Each thread's sampled self times, as a fraction of the profiled wall time. */
function coverage(profile: PythonProfileOk): number[] {
  return profile.threads.map((t) => t.functions.reduce((sum, f) => sum + f.self_ns, 0) / profile.wall_ns);
}

const names = (profile: PythonProfileOk) => profile.functions.map((f) => f.name);

/**
 * Sampling is timing-sensitive: on a loaded 2-core machine the sampler thread waits for a core, and
 * on 3.13t each sample stops the world, which waits for every thread to get one. So the profiled
 * runs hold the measurement lock, and the coverage checks are retried (twice) before they fail.
 */
const TIMING = { retry: 2 } as const;

describe.skipIf(!OPT_313T)(needs('profiling free-threaded 3.13t', OPT_313T, '/opt/cpython/3.13t/bin/python3.13t'), () => {
  let harness: PythonHarness;
  let taskWork: number;
  beforeAll(async () => {
    harness = await PythonHarness.start(OPT_313T!, { target: 'python3.13t' });
    taskWork = (await harness.calibrate('cpu', 200)).task_work;
  });
  afterAll(() => harness?.close());

  it('names the task and where the main thread waits, and covers every thread for the whole run', TIMING, async () => {
    const profile = ok(await withMeasureLock(() => harness.profile({ task_type: 'cpu', task_work: taskWork, num_tasks: 1000, num_threads: 2 })));
    console.log(`3.13t cpu profile, 1000 tasks, 2 threads: ${profile.samples} samples in ${(profile.wall_ns / 1e6).toFixed(0)} ms, self-time sum / wall per thread: ${coverage(profile).map((c) => c.toFixed(3)).join(', ')}`);
    expect(profile).toMatchObject({ profiler: 'sampler', interval_ns: 1_000_000, warnings: [] });
    expect(profile.threads.map((t) => t.role)).toEqual(['main', 'worker', 'worker']);
    const task = profile.functions.find((f) => f.name === 'cpu_task')!;
    expect(task.function).toMatch(/^cpu_task \(poolscope_harness\.py:\d+\)$/);
    expect(categorize(task)).toBe('task');
    const waits = ['result_iterator', '_result_or_cancel', 'acquire', 'wait'].filter((n) => names(profile).includes(n));
    expect(waits.length).toBeGreaterThan(0);
    // The main thread waits for results in a lock: the sampler names the C call it blocks in.
    const main = profile.threads[0]!;
    const acquire = main.functions.find((f) => f.name === 'acquire' && f.self_ns > 0)!;
    expect(acquire.function).toMatch(/^acquire \(call at threading\.py:\d+\)$/);
    expect(categorize(acquire)).toBe('lock');
    expect(main.functions.find((f) => f.name === 'result_iterator')?.total_ns).toBeGreaterThan(0);
    for (const share of coverage(profile)) {
      expect(share).toBeGreaterThan(0.8);
      expect(share).toBeLessThan(1.2);
    }
    const rows = toProfileRecords(profile.functions, { run_id: 'r', target: 'python3.13t', task_type: 'cpu', num_tasks: 1000, num_threads: 2, repeat: 0 });
    expect(rows.map((r) => r.category)).toEqual(expect.arrayContaining(['task', 'lock', 'result', 'dispatch']));
  });

  it('finishes with 10000 tasks on 2 threads (cProfile hung there)', TIMING, async () => {
    const started = Date.now();
    const profile = ok(await withMeasureLock(() => harness.profile({ task_type: 'cpu', task_work: Math.max(1, Math.round(taskWork / 2)), num_tasks: 10_000, num_threads: 2 }, { timeoutMs: 120_000 })));
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(profile.samples).toBeGreaterThan(10);
    for (const share of coverage(profile)) expect(share).toBeGreaterThan(0.8);
  });

  it('profiles io tasks: their sleep is task time', async () => {
    const profile = ok(await harness.profile({ task_type: 'io', task_work: 1000, num_tasks: 100, num_threads: 2 }));
    const sleep = profile.functions.find((f) => f.name === 'sleep')!;
    expect(sleep.function).toMatch(/^sleep \(call at poolscope_harness\.py:\d+\)$/);
    expect(categorize(sleep)).toBe('task');
    // 100 sleeps of 1 ms on 2 workers: most of each worker's time.
    expect(sleep.self_ns).toBeGreaterThan(0.5 * 2 * profile.wall_ns * 0.5);
  });

  it('refuses cProfile, saying why', async () => {
    await expect(harness.profile({ task_type: 'cpu', task_work: 10, num_tasks: 10, num_threads: 2 }, { profiler: 'cprofile' })).rejects.toThrow(
      expect.objectContaining({ code: ERROR_CODES.USAGE, message: runnerMessages.cprofileRefused(OPT_313T!), hint: runnerMessages.cprofileRefusedHint }),
    );
  });

  it('reports a task that raises while profiling as an error, and goes on', async () => {
    const failed = await harness.profile({ task_type: 'cpu', task_work: 10, num_tasks: 10, num_threads: 2 }, { fault: { kind: 'throw', task: 5 } });
    expect(failed).toMatchObject({ status: 'error', error: 'RuntimeError: injected fault in task 5', harnessLost: false });
    expect((await harness.profile({ task_type: 'cpu', task_work: 10, num_tasks: 10, num_threads: 2 })).status).toBe('ok');
  });
});

describe.skipIf(!GIL_313)(needs('profiling a GIL build of 3.13', GIL_313, 'Python 3.13'), () => {
  let harness: PythonHarness;
  beforeAll(async () => {
    harness = await PythonHarness.start(GIL_313!);
  });
  afterAll(() => harness?.close());

  it('samples every thread although busy workers hold the GIL', TIMING, async () => {
    const profile = ok(await withMeasureLock(() => harness.profile({ task_type: 'cpu', task_work: 2000, num_tasks: 500, num_threads: 2 })));
    expect(names(profile)).toEqual(expect.arrayContaining(['cpu_task', 'result_iterator', 'acquire']));
    for (const share of coverage(profile)) expect(share).toBeGreaterThan(0.8);
  });

  it('counts every call with cProfile (one profiler sees all threads on 3.12+), with a caveat on times', async () => {
    const profile = ok(await harness.profile({ task_type: 'cpu', task_work: 2000, num_tasks: 200, num_threads: 2 }, { profiler: 'cprofile' }));
    expect(profile.threads.map((t) => t.role)).toEqual(['all']);
    expect(profile.functions.find((f) => f.name === 'cpu_task')?.calls).toBe(200);
    expect(profile.warnings).toEqual([expect.stringContaining('one call stack for every thread')]);
  });
});

const py311 = pyenvPython('3.11');
describe.skipIf(!py311)(needs('cProfile on Python 3.11', py311, 'pyenv Python 3.11'), () => {
  it('profiles each worker from the executor initializer and merges them', async () => {
    const harness = await PythonHarness.start(py311!);
    try {
      const profile = ok(await harness.profile({ task_type: 'cpu', task_work: 2000, num_tasks: 200, num_threads: 2 }, { profiler: 'cprofile' }));
      expect(profile.threads.map((t) => t.role)).toEqual(['main', 'worker', 'worker']);
      const perWorker = profile.threads.slice(1).map((t) => t.functions.find((f) => f.name === 'cpu_task')?.calls ?? 0);
      expect(perWorker[0]! + perWorker[1]!).toBe(200);
      expect(profile.functions.find((f) => f.name === 'cpu_task')?.calls).toBe(200);
      expect(profile.warnings).toEqual([]);
    } finally {
      await harness.close();
    }
  });
});
