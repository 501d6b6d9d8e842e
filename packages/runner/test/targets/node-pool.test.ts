import { afterEach, describe, expect, it } from 'vitest';
import { runnerMessages } from '../../src/messages.js';
import { NodePoolTarget } from '../../src/targets/node-pool.js';
import type { CellSpec, TargetSession } from '../../src/targets/target.js';

const cpuCell: CellSpec = { task_type: 'cpu', task_work: 20_000, num_tasks: 50, num_threads: 2 };
const options = { timeoutMs: 20_000, warmup: false };
let sessions: TargetSession[] = [];
const start = async (target: NodePoolTarget) => {
  const session = await target.start();
  sessions.push(session);
  return session;
};
afterEach(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
});

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

  it('reuses its pool across cells of one thread count and replaces it for another', async () => {
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
    const target = new NodePoolTarget({ faults: [{ kind: 'hang', task: 0, cells: { num_threads: 2 } }] });
    const session = await start(target);
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

  it('calibrates cpu tasks in a worker and takes io sizes as they are', async () => {
    const session = await start(new NodePoolTarget());
    expect(await session.calibrate('io', 1500)).toBe(1500);
    const work = await session.calibrate('cpu', 500);
    expect(work).toBeGreaterThan(1000);
  });
});
