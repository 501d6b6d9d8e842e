import { describe, expect, it } from 'vitest';
import { runOnEventLoop } from '../../src/tasks/event-loop.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runOnEventLoop', () => {
  it('keeps at most `limit` tasks in flight and returns results in task order', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await runOnEventLoop(20, 3, async (i) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await tick();
      inFlight--;
      return i * 10;
    });
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 10));
    expect(most).toBe(3);
  });

  it('runs every task once, with fewer tasks than lanes', async () => {
    const seen: number[] = [];
    await runOnEventLoop(2, 8, (i) => seen.push(i));
    expect(seen.sort()).toEqual([0, 1]);
  });

  it('rejects when a task throws, as list(executor.map(...)) raises', async () => {
    await expect(
      runOnEventLoop(5, 2, (i) => {
        if (i === 3) throw new Error('boom');
        return i;
      }),
    ).rejects.toThrow('boom');
  });
});
