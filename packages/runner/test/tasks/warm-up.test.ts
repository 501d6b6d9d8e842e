import { describe, expect, it } from 'vitest';
import { warmUp } from '../../src/tasks/warm-up.js';

/** A clock the task itself advances by the durations given, in ns. */
function scripted(durations: number[]) {
  let now = 0n;
  let call = 0;
  return {
    clockNs: () => now,
    task: () => {
      now += BigInt(durations[Math.min(call, durations.length - 1)]!);
      call += 1;
    },
  };
}

describe('warmUp', () => {
  it('calls the task until two calls in a row match the fastest (the JIT has settled)', () => {
    // Interpreter, baseline, then optimized code.
    const { clockNs, task } = scripted([40, 20, 5, 1, 1, 1, 1]);
    expect(warmUp(task, { clockNs, minCalls: 3 })).toBe(6);
  });

  it('does not take an intermediate tier for the last one', () => {
    // As measured on Node 20: baseline, four calls of a middle tier, then the final code.
    const { clockNs, task } = scripted([59, 59, 59, 59, 9, 9, 9, 9, 7, 6, 6, 6, 6, 6, 6]);
    expect(warmUp(task, { clockNs })).toBe(12);
  });

  it('makes at least minCalls and at most maxCalls', () => {
    expect(warmUp(scripted([1]).task, { clockNs: scripted([1]).clockNs, minCalls: 3 })).toBeGreaterThanOrEqual(3);
    // Every call 20% faster than the one before: the JIT never settles.
    const improving = scripted(Array.from({ length: 30 }, (_, i) => Math.round(1e6 / 1.2 ** i)));
    expect(warmUp(improving.task, { clockNs: improving.clockNs, maxCalls: 7 })).toBe(7);
  });

  it('stops after its time budget once minCalls are made', () => {
    const { clockNs, task } = scripted(Array.from({ length: 30 }, (_, i) => Math.round(200e6 / 1.2 ** i)));
    expect(warmUp(task, { clockNs, maxMs: 250 })).toBe(3);
  });
});
