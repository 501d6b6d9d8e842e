import { describe, expect, it } from 'vitest';
import { runnerMessages } from '../../../src/messages.js';
import { categorize } from '../../../src/profile/categories.js';
import { NodePoolTarget } from '../../../src/targets/node/node-pool.js';
import { cpuCell, repeatOptions, sessionStarter } from '../../fixtures/node-sessions.js';

const options = repeatOptions;
const start = sessionStarter();

describe('node-pool', () => {
  it('runs a cell and measures wall time, process CPU time and max RSS', async () => {
    const session = await start(new NodePoolTarget());
    expect(session.runtime).toEqual({ runtime: 'node', runtime_version: process.versions.node, gil: null });
    const outcome = await session.runRepeat(cpuCell, options);
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.wall_ns).toBeGreaterThan(0);
    // The workers' CPU time is the process's: the loop ran somewhere in it.
    expect(outcome.cpu_user_ns + outcome.cpu_sys_ns).toBeGreaterThan(0);
    expect(outcome.max_rss_kb).toBeGreaterThan(1024);
  });

  it('keeps one pool per thread count across cells', async () => {
    const session = await start(new NodePoolTarget());
    for (const num_threads of [1, 1, 3, 2]) expect((await session.runRepeat({ ...cpuCell, num_threads }, options)).status).toBe('ok');
    expect((await session.runRepeat({ task_type: 'io', task_work: 200, num_tasks: 20, num_threads: 4 }, options)).status).toBe('ok');
  });

  it('turns a task that throws into an error outcome with the message', async () => {
    const session = await start(new NodePoolTarget({ faults: [{ kind: 'throw', task: 7 }] }));
    const outcome = await session.runRepeat(cpuCell, options);
    expect(outcome).toMatchObject({ status: 'error', error: runnerMessages.taskFailed('injected fault: task 7 threw'), wall_ns: null });
  });

  it('turns a worker that dies into an error outcome', async () => {
    const session = await start(new NodePoolTarget({ faults: [{ kind: 'crash', task: 3 }] }));
    const outcome = await session.runRepeat(cpuCell, options);
    expect(outcome.status).toBe('error');
    if (outcome.status !== 'ok') expect(outcome.error).toMatch(/exited with code: 70/);
  });

  it('gives up on a hung task after the time limit, and a new session runs again', async () => {
    const target = new NodePoolTarget({ faults: [{ kind: 'hang', task: 0, cells: { num_threads: 2, num_tasks: 50 } }] });
    const session = await start(target);
    // The pool of 2 threads, started and warmed first: the time limit then covers the tasks alone,
    // which a loaded machine cannot make miss it for the wrong reason.
    expect((await session.runRepeat({ ...cpuCell, num_tasks: 10 }, options)).status).toBe('ok');
    const started = Date.now();
    const outcome = await session.runRepeat(cpuCell, { timeoutMs: 500, warmup: false });
    expect(outcome).toMatchObject({ status: 'timeout', error: runnerMessages.repeatTimeout(500) });
    expect(Date.now() - started).toBeLessThan(5_000);
    await session.close();
    const fresh = await start(target);
    expect((await fresh.runRepeat({ ...cpuCell, num_threads: 1 }, options)).status).toBe('ok');
  });

  it('applies a fault only to the cells it names', async () => {
    const session = await start(new NodePoolTarget({ faults: [{ kind: 'throw', task: 0, cells: { task_type: 'io' } }] }));
    expect((await session.runRepeat(cpuCell, options)).status).toBe('ok');
  });

  it('profiles the main thread and every worker for the timed region, the task named even after the pool got hot', async () => {
    const session = await start(new NodePoolTarget());
    const cell = { ...cpuCell, task_work: 1_000_000, num_tasks: 100 };
    // Enough runs for V8 to inline the task into piscina's message handler in the session's pool.
    for (let r = 0; r < 4; r++) expect((await session.runRepeat(cell, options)).status).toBe('ok');
    const profile = await session.profile!(cell, { profiler: 'sampler', intervalUs: 500, timeoutMs: 20_000 });
    if (profile.status !== 'ok') throw new Error(profile.error);
    expect(profile).toMatchObject({ profiler: 'v8', warnings: [] });
    expect(profile.threads.map((t) => `${t.thread} ${t.role}`)).toEqual(['main main', 'worker-1 worker', 'worker-2 worker']);
    for (const thread of profile.threads) {
      // Clipped to the timed region: each thread's samples cover its wall time, no more.
      expect(thread.sampled_ns! / profile.wall_ns).toBeGreaterThan(0.8);
      expect(thread.sampled_ns! / profile.wall_ns).toBeLessThanOrEqual(1.0001);
    }
    const taskTime = (t: (typeof profile.threads)[number]) => t.functions.filter((f) => categorize(f) === 'task').reduce((sum, f) => sum + f.self_ns, 0);
    // 100 tasks of 1M iterations (about 0.6 ms each) on two workers: the task is much of their time.
    for (const worker of profile.threads.slice(1)) expect(taskTime(worker)).toBeGreaterThan(0.3 * worker.sampled_ns!);
    expect(profile.threads[1]!.functions.map((f) => f.name)).toContain('sumOfSquaresInt32');
    // The main thread hands out tasks and takes their results; in between, its idle event loop
    // waits for them, which counts as result time (as Python's main thread in result_iterator).
    const main = profile.threads[0]!;
    expect(new Set(main.functions.map((f) => categorize(f)))).not.toContain('idle');
    const waiting = main.functions.filter((f) => categorize(f) === 'result').reduce((sum, f) => sum + f.self_ns, 0);
    expect(waiting).toBeGreaterThan(0.3 * main.sampled_ns!);
    expect(taskTime(profile.threads[0]!)).toBe(0);
  });

  it('calibrates cpu tasks in a worker and takes io sizes as they are', async () => {
    const session = await start(new NodePoolTarget());
    expect(await session.calibrate('io', 1500)).toBe(1500);
    const work = await session.calibrate('cpu', 500);
    expect(work).toBeGreaterThan(1000);
  });
});
