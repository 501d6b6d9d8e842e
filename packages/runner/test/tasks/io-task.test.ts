import { describe, expect, it } from 'vitest';
import { ioTaskAsync, ioTaskBlocking } from '../../src/tasks/io-task.js';

const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

describe('ioTaskBlocking', () => {
  it('waits at least the given microseconds without burning CPU', () => {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    expect(ioTaskBlocking(50_000)).toBe(50_000);
    const elapsed = msSince(start);
    const used = process.cpuUsage(cpu);
    expect(elapsed).toBeGreaterThanOrEqual(50);
    expect((used.user + used.system) / 1000).toBeLessThan(elapsed / 2);
  });

  it('waits at least the given time for short waits too', () => {
    for (const work of [1, 10, 100, 1_000, 1_500]) {
      const start = process.hrtime.bigint();
      ioTaskBlocking(work);
      expect(msSince(start)).toBeGreaterThanOrEqual(work / 1000);
    }
  });
});

describe('ioTaskAsync', () => {
  it('waits at least the given time, however early its timers fire', async () => {
    // Node timers fire up to a few tenths of a millisecond early by process.hrtime (2.68 ms for
    // a 3 ms timer, 0.93 ms for 1 ms): every one of these waits must still reach its length.
    for (const work of [1_000, 1_000, 1_000, 2_500, 2_500, 1_700, 300]) {
      const start = process.hrtime.bigint();
      expect(await ioTaskAsync(work)).toBe(work);
      expect(msSince(start)).toBeGreaterThanOrEqual(work / 1000);
    }
  });

  it('waits at least the given time while several waits overlap', async () => {
    const start = process.hrtime.bigint();
    const ends = await Promise.all(Array.from({ length: 20 }, () => ioTaskAsync(1_000).then(() => msSince(start))));
    expect(Math.min(...ends)).toBeGreaterThanOrEqual(1);
  });

  it('lets waits overlap on one event loop', async () => {
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: 10 }, () => ioTaskAsync(50_000)));
    // Ten 50 ms waits in sequence would take 500 ms.
    expect(msSince(start)).toBeLessThan(250);
  });
});
