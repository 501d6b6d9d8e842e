import type { TaskType } from '@poolscope/core';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { NodeMainTarget } from '../../../src/targets/node/node-main.js';
import { NodePoolTarget } from '../../../src/targets/node/node-pool.js';
import type { Target } from '../../../src/targets/target.js';
import { othersLoadMeter, waitForQuietMachine } from '../../fixtures/quiet-machine.js';

const TASKS = 40;
const TASK_US = 4000;
const REPEATS = 5;

/** Slack, in cores, over what a repetition leaves the rest of the machine (tick counts are coarse). */
const QUIET_SLACK = 0.3;

/**
 * The speedup from 1 to 2 threads of one target and task type: coarse tasks (4 ms each, 40 per
 * cell) keep the pool's per-task overhead small; 1- and 2-thread repetitions alternate, so load
 * from other processes hits both alike, and each side's fastest repetition counts (the estimate
 * least disturbed by them). Measuring waits for the machine to be quiet (other tests may run beside
 * these), and a cpu repetition counts only when the rest of the machine left it the cores it can
 * use (`usable`: one per thread on the pool, one on the event loop) while it ran; null when a thread
 * count had no such repetition: the check is then skipped, saying why, rather than judged on noise.
 */
async function speedup(target: Target, type: TaskType, usable: (threads: number) => number): Promise<{ speedup: number | null; note: string }> {
  await waitForQuietMachine();
  const session = await target.start();
  try {
    const task_work = await session.calibrate(type, TASK_US);
    const cell = (num_threads: number) => ({ task_type: type, task_work, num_tasks: TASKS, num_threads });
    const fastest = [Infinity, Infinity];
    const quiet = [0, 0];
    // The targets run in this process, so the meter counts their CPU time as this process's own.
    const meter = othersLoadMeter();
    for (let r = -1; r < REPEATS; r++) {
      for (const threads of [1, 2]) {
        meter.lap(0);
        const outcome = await session.runRepeat(cell(threads), { timeoutMs: 30_000, warmup: r < 0 });
        if (outcome.status !== 'ok') throw new Error(outcome.error);
        const others = meter.lap(0);
        if (r < 0 || (type === 'cpu' && others > os.availableParallelism() - usable(threads) + QUIET_SLACK)) continue;
        quiet[threads - 1]! += 1;
        fastest[threads - 1] = Math.min(fastest[threads - 1]!, outcome.wall_ns);
      }
    }
    const note = `quiet repetitions: ${quiet[0]} of ${REPEATS} with 1 thread, ${quiet[1]} with 2`;
    const result = quiet[0]! > 0 && quiet[1]! > 0 ? fastest[0]! / fastest[1]! : null;
    console.log(
      `${target.name} ${type}: 1 thread ${(fastest[0]! / 1e6).toFixed(1)} ms, 2 threads ${(fastest[1]! / 1e6).toFixed(1)} ms, ` +
        `speedup ${result === null ? 'n/a' : result.toFixed(2)} (${note})`,
    );
    return { speedup: result, note };
  } finally {
    await session.close();
  }
}

/** The speedup, or the test skipped with the reason when the machine never left the cores free. */
async function measured(target: Target, type: TaskType, usable: (threads: number) => number, skip: (note: string) => void): Promise<number> {
  const { speedup: s, note } = await speedup(target, type, usable);
  if (s === null) skip(`other processes kept the cores busy during every repetition of one thread count (${note})`);
  return s!;
}

const pool = (threads: number) => threads;
const eventLoop = () => 1;

describe('speedup from 1 to 2 threads (coarse tasks, 2 cores)', { timeout: 300_000 }, () => {
  it('node-pool scales on cpu tasks (> 1.5x)', { retry: 2 }, async (ctx) => {
    expect(await measured(new NodePoolTarget(), 'cpu', pool, ctx.skip)).toBeGreaterThan(1.5);
  });

  it('node-main stays at about 1x on cpu tasks (< 1.2x): one thread runs them all', { retry: 2 }, async (ctx) => {
    const s = await measured(new NodeMainTarget(), 'cpu', eventLoop, ctx.skip);
    expect(s).toBeLessThan(1.2);
    expect(s).toBeGreaterThan(0.8);
  });

  it('node-pool scales on io tasks (> 1.5x)', { retry: 2 }, async (ctx) => {
    expect(await measured(new NodePoolTarget(), 'io', pool, ctx.skip)).toBeGreaterThan(1.5);
  });

  it('node-main scales on io tasks (> 1.5x): waits overlap on one event loop', { retry: 2 }, async (ctx) => {
    expect(await measured(new NodeMainTarget(), 'io', eventLoop, ctx.skip)).toBeGreaterThan(1.5);
  });
});
