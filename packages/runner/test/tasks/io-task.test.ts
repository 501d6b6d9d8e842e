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
    expect(elapsed).toBeGreaterThanOrEqual(49.9);
    expect((used.user + used.system) / 1000).toBeLessThan(elapsed / 2);
  });
});

describe('ioTaskAsync', () => {
  it('waits at least the given time, rounded up to whole milliseconds', async () => {
    const start = process.hrtime.bigint();
    expect(await ioTaskAsync(2_500)).toBe(2_500);
    expect(msSince(start)).toBeGreaterThanOrEqual(2.9);
  });

  it('lets waits overlap on one event loop', async () => {
    const start = process.hrtime.bigint();
    await Promise.all(Array.from({ length: 10 }, () => ioTaskAsync(50_000)));
    // Ten 50 ms waits in sequence would take 500 ms.
    expect(msSince(start)).toBeLessThan(250);
  });
});
