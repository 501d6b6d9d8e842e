import { describe, expect, it } from 'vitest';
import { calibrateCpuWork } from '../../src/tasks/calibrate.js';
import { cpuTask } from '../../src/tasks/cpu-task.js';

describe('calibrateCpuWork', () => {
  it('recovers the work for a target duration on a modelled machine (2.5 ns per iteration)', () => {
    const work = calibrateCpuWork(200, { timeNs: (w) => 2.5 * w });
    expect(work).toBe(80_000); // 200 us / 2.5 ns
  });

  it('waits for the JIT: samples taken before the loop got fast do not count', () => {
    let calls = 0;
    // The first 12 samples run 10x slower, as an interpreted loop does before it is optimized.
    const work = calibrateCpuWork(100, { timeNs: (w) => (++calls <= 12 ? 6 : 0.6) * w });
    expect(work).toBeCloseTo(100_000 / 0.6, -2);
  });

  it('takes the fastest sample, the one least disturbed by other processes', () => {
    const noise = [1.5, 1.1, 1.0, 1.3, 1.2, 1.4, 1.6, 1.1, 1.3];
    let i = 0;
    const work = calibrateCpuWork(50, { timeNs: (w) => w * (noise[i++ % noise.length] ?? 1) });
    expect(work).toBe(50_000);
  });

  it('samples past an intermediate JIT tier that looks settled', () => {
    let calls = 0;
    // No resizing (any sample is long enough): 4 samples of baseline code, 8 of a middle tier at
    // 0.94 ns per iteration (which would pass for settled after 5), then 0.62 for good.
    const work = calibrateCpuWork(100, { minSampleNs: 1, timeNs: (w) => w * (++calls <= 4 ? 6 : calls <= 12 ? 0.94 : 0.62) });
    expect(work).toBeCloseTo(100_000 / 0.62, -2);
  });

  it('stops after maxSamples even if the machine never settles', () => {
    let calls = 0;
    calibrateCpuWork(10, { timeNs: (w) => (calls++, w * (1 / calls)), maxSamples: 40 });
    expect(calls).toBe(40);
  });

  it('sizes real tasks to about the target duration on this machine', () => {
    const work = calibrateCpuWork(2_000);
    let fastest = Infinity;
    for (let i = 0; i < 5; i++) {
      const start = process.hrtime.bigint();
      cpuTask(work);
      fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1000);
    }
    // Generous: other processes share the machine.
    expect(fastest).toBeGreaterThan(2_000 / 3);
    expect(fastest).toBeLessThan(2_000 * 3);
  });
});
