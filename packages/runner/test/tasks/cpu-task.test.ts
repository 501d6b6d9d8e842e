import { describe, expect, it } from 'vitest';
import { cpuTask, cpuTaskResult } from '../../src/tasks/cpu-task.js';

// Printed by the Python harness's loop, `total = (total + i * i) & 0xFFFFFFFF` (CPython 3.11),
// so the Node and Python tasks provably return the same numbers.
const PYTHON_RESULTS: [number, number][] = [
  [0, 0],
  [1, 0],
  [2, 1],
  [3, 5],
  [10, 285],
  [1000, 332833500],
  [100000, 216474736],
  [3000000, 631560480],
];

describe('cpuTask', () => {
  it('returns what the Python loop returns, modulo 2^32', () => {
    for (const [work, expected] of PYTHON_RESULTS) expect(cpuTask(work)).toBe(expected);
  });

  it('agrees with the closed form (n-1)n(2n-1)/6 mod 2^32 used to check results', () => {
    for (const work of [0, 1, 7, 1860, 1861, 65536, 123457, 1_000_003]) expect(cpuTaskResult(work)).toBe(cpuTask(work));
    for (const [work, expected] of PYTHON_RESULTS) expect(cpuTaskResult(work)).toBe(expected);
  });

  it('returns an unsigned 32-bit integer', () => {
    const value = cpuTask(5_000_000);
    expect(Number.isInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThan(2 ** 32);
  });
});
