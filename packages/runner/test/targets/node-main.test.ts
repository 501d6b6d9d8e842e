import { afterEach, describe, expect, it } from 'vitest';
import { runnerMessages } from '../../src/messages.js';
import { NodeMainTarget } from '../../src/targets/node-main.js';
import type { CellSpec, TargetSession } from '../../src/targets/target.js';

const cpuCell: CellSpec = { task_type: 'cpu', task_work: 20_000, num_tasks: 50, num_threads: 2 };
const options = { timeoutMs: 20_000, warmup: false };
let sessions: TargetSession[] = [];
const start = async (target: NodeMainTarget) => {
  const session = await target.start();
  sessions.push(session);
  return session;
};
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

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

  it('calibrates cpu tasks on its own thread', async () => {
    const session = await start(new NodeMainTarget());
    expect(await session.calibrate('cpu', 500)).toBeGreaterThan(1000);
    expect(await session.calibrate('io', 700)).toBe(700);
  });
});
