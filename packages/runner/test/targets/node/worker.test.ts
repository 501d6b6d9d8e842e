import { describe, expect, it } from 'vitest';
import handle, { arrive, runEventLoopCell, warmTask } from '../../../src/targets/node/_worker.js';
import { cpuTaskResult } from '../../../src/tasks/cpu-task.js';

describe('the worker module (run on the main thread)', () => {
  it('runs one task of either type', () => {
    expect(handle({ kind: 'task', type: 'cpu', work: 1000, index: 0 })).toBe(cpuTaskResult(1000));
    expect(handle({ kind: 'task', type: 'io', work: 100, index: 0 })).toBe(100);
  });

  it('opens the barrier once every party has arrived, and times out otherwise', () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    counter[0] = 2;
    expect(arrive(counter, 3, 100)).toBe(3);
    expect(() => arrive(new Int32Array(new SharedArrayBuffer(4)), 2, 50)).toThrow('only 1 of 2 pool threads started within 50 ms');
  });

  it('warms a thread once per cpu task type, and never for io', () => {
    expect(warmTask('io', 100)).toBe(0);
    expect(warmTask('cpu', 50_000)).toBeGreaterThanOrEqual(3);
    expect(warmTask('cpu', 50_000)).toBe(0);
  });

  it('times an event-loop cell and counts wrong results', async () => {
    const result = await runEventLoopCell({ type: 'io', work: 1000, count: 6, limit: 3 });
    expect(result.wrong).toBe(0);
    // Two rounds of three waits of at least 1 ms each.
    expect(result.wall_ns).toBeGreaterThanOrEqual(2e6);
    await expect(runEventLoopCell({ type: 'cpu', work: 10, count: 4, limit: 1, fault: { kind: 'throw', task: 2 } })).rejects.toThrow('task 2 threw');
  });
});
