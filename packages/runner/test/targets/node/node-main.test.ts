import { describe, expect, it } from 'vitest';
import { runnerMessages } from '../../../src/messages.js';
import { categorize } from '../../../src/profile/categories.js';
import { IDLE_WAIT_NAMES } from '../../../src/profile/idle-time.js';
import { NodeMainTarget } from '../../../src/targets/node/node-main.js';
import type { CellSpec } from '../../../src/targets/target.js';
import { cpuCell, repeatOptions, sessionStarter } from '../../fixtures/node-sessions.js';

const options = repeatOptions;
const start = sessionStarter();

describe('node-main', () => {
  it('runs a cell on one event loop and measures it', async () => {
    const session = await start(new NodeMainTarget());
    const outcome = await session.runRepeat(cpuCell, options);
    expect(outcome.status).toBe('ok');
    // The loop ran on the worker's thread, and its CPU time is counted: the process's, all threads.
    if (outcome.status === 'ok') expect(outcome.cpu_user_ns + outcome.cpu_sys_ns).toBeGreaterThan(outcome.wall_ns * 0.3);
  });

  it('overlaps io waits up to the thread count', async () => {
    const session = await start(new NodeMainTarget());
    const cell: CellSpec = { task_type: 'io', task_work: 10_000, num_tasks: 20, num_threads: 10 };
    const outcome = await session.runRepeat(cell, options);
    // 20 waits of 10 ms, 10 at a time: about 20 ms; in sequence they would take 200 ms.
    expect(outcome.status === 'ok' && outcome.wall_ns / 1e6).toBeLessThan(120);
  });

  it('turns a task that throws into an error outcome', async () => {
    const session = await start(new NodeMainTarget({ faults: [{ kind: 'throw', task: 2, target: 'node-main' }] }));
    expect(await session.runRepeat(cpuCell, options)).toMatchObject({ status: 'error', error: runnerMessages.taskFailed('injected fault: task 2 threw') });
  });

  it('ignores faults meant for another target', async () => {
    const session = await start(new NodeMainTarget({ faults: [{ kind: 'throw', task: 2, target: 'node-pool' }] }));
    expect((await session.runRepeat(cpuCell, options)).status).toBe('ok');
  });

  it('stops a task that never yields the event loop at the time limit', async () => {
    const session = await start(new NodeMainTarget({ faults: [{ kind: 'hang', task: 1 }] }));
    const outcome = await session.runRepeat(cpuCell, { timeoutMs: 500, warmup: false });
    expect(outcome.status).toBe('timeout');
  });

  it('turns a crash of its thread into an error outcome', async () => {
    const session = await start(new NodeMainTarget({ faults: [{ kind: 'crash', task: 1 }] }));
    expect((await session.runRepeat(cpuCell, options)).status).toBe('error');
  });

  it('profiles its event-loop thread and the main thread, charging the task to the task even after the loop got hot', async () => {
    const session = await start(new NodeMainTarget());
    const cell = { ...cpuCell, task_work: 200_000, num_tasks: 200 };
    for (let r = 0; r < 4; r++) expect((await session.runRepeat(cell, options)).status).toBe('ok');
    const profile = await session.profile!(cell, { profiler: 'sampler', intervalUs: 500, timeoutMs: 20_000 });
    if (profile.status !== 'ok') throw new Error(profile.error);
    expect(profile.threads.map((t) => t.thread)).toEqual(['main', 'event-loop']);
    const [main, loop] = profile.threads;
    for (const thread of profile.threads) expect(thread.sampled_ns! / profile.wall_ns).toBeGreaterThan(0.8);
    // One thread runs every task: nearly all of its time is the task, while the main thread's
    // idle event loop waits for its results (result time, as Python's main thread in result_iterator).
    const task = loop!.functions.filter((f) => categorize(f) === 'task').reduce((sum, f) => sum + f.self_ns, 0);
    expect(task).toBeGreaterThan(0.7 * loop!.sampled_ns!);
    const wait = main!.functions.find((f) => f.name === IDLE_WAIT_NAMES.results)!;
    expect(categorize(wait)).toBe('result');
    expect(wait.self_ns).toBeGreaterThan(0.7 * main!.sampled_ns!);
    expect(main!.functions.some((f) => f.name === '(idle)')).toBe(false);
  });

  it('counts the event loop idling on the io tasks’ timers as task time', async () => {
    const session = await start(new NodeMainTarget());
    const cell: CellSpec = { task_type: 'io', task_work: 2000, num_tasks: 40, num_threads: 2 };
    const profile = await session.profile!(cell, { profiler: 'sampler', intervalUs: 500, timeoutMs: 20_000 });
    if (profile.status !== 'ok') throw new Error(profile.error);
    const loop = profile.threads.find((t) => t.thread === 'event-loop')!;
    const byCategory = (category: string) => loop.functions.filter((f) => categorize(f) === category).reduce((sum, f) => sum + f.self_ns, 0);
    // 40 waits of 2 ms, 2 at a time: the loop waits on timers nearly all of the time, as a Python
    // thread in time.sleep does; nothing of it is left idle.
    expect(byCategory('task')).toBeGreaterThan(0.7 * loop.sampled_ns!);
    expect(byCategory('idle')).toBe(0);
  });

  it('reports a task that throws in the profiled run as an error', async () => {
    const session = await start(new NodeMainTarget({ faults: [{ kind: 'throw', task: 2 }] }));
    expect(await session.profile!(cpuCell, { profiler: 'sampler', intervalUs: 1000, timeoutMs: 20_000 })).toMatchObject({
      status: 'error',
      error: runnerMessages.taskFailed('injected fault: task 2 threw'),
    });
  });

  it('calibrates cpu tasks on its own thread', async () => {
    const session = await start(new NodeMainTarget());
    expect(await session.calibrate('cpu', 500)).toBeGreaterThan(1000);
    expect(await session.calibrate('io', 700)).toBe(700);
  });
});
