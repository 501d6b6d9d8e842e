import { mkdtempSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TaskType } from '@poolscope/core';
import type { RunEvent } from '../../../src/run/events.js';
import { runMatrix } from '../../../src/run/run.js';
import { othersLoadMeter, waitForQuietMachine } from '../../fixtures/quiet-machine.js';
import { GIL_313, OPT_313T, needs } from './interpreters.js';

/**
 * Issue #4's speedup checks, on the real harness through the runner: `runMatrix` in rounds, so
 * the 1- and 2-thread repetitions of a cell alternate and drift hits both alike; speedup = fastest
 * 1-thread wall / fastest 2-thread wall. Tasks of 4 ms, 40 per cell: long enough that the pool's
 * start-up inside the timed region (as the RCA times it) is small beside them.
 *
 * On a 2-core machine with nothing else running, that is all it takes. On a shared one, a cpu
 * repetition counts only when the rest of the machine left it the cores it can use (one per
 * thread without the GIL, one with it) while it ran; a check without such repetitions of both
 * thread counts is skipped, saying why, rather than judged on noise; and the checks are retried
 * twice.
 */
const TASK_US = 4000;
const TASKS = 40;
const REPEATS = 10;
/** Slack, in cores, over what a repetition leaves the rest of the machine (tick counts are coarse). */
const QUIET_SLACK = 0.3;

interface Speedups {
  cpu: number | null;
  io: number;
  quiet: string;
}

/** Runs both task types at 1 and 2 threads on `target` and takes fastest-of-N speedups. */
async function measure(target: string, parallel: boolean): Promise<Speedups> {
  await waitForQuietMachine();
  const meter = othersLoadMeter();
  const fastest = new Map<string, number>();
  const quiet = new Map<string, number>();
  const onEvent = (event: RunEvent) => {
    if (event.type === 'cell-start') meter.lap(0);
    if (event.type !== 'repeat') return;
    const { outcome, cell } = event;
    const others = meter.lap(outcome.cpu_user_ns !== null ? outcome.cpu_user_ns + (outcome.cpu_sys_ns ?? 0) : 0);
    if (event.warmup || outcome.status !== 'ok') return;
    const key = `${cell.task_type} ${cell.num_threads}`;
    const usable = parallel ? cell.num_threads : 1;
    if (cell.task_type === 'cpu' && others > os.availableParallelism() - usable + QUIET_SLACK) return;
    quiet.set(key, (quiet.get(key) ?? 0) + 1);
    fastest.set(key, Math.min(fastest.get(key) ?? Infinity, outcome.wall_ns));
  };
  const out = mkdtempSync(join(tmpdir(), 'poolscope-py-scaling-'));
  await runMatrix({ out, env: {}, targets: [target], taskTypes: ['cpu', 'io'], tasks: [TASKS], threads: [1, 2], repeats: REPEATS, warmup: 1, taskUs: { cpu: TASK_US, io: TASK_US }, onEvent });
  const speedup = (type: TaskType) => (fastest.has(`${type} 1`) && fastest.has(`${type} 2`) ? fastest.get(`${type} 1`)! / fastest.get(`${type} 2`)! : null);
  return { cpu: speedup('cpu'), io: speedup('io')!, quiet: `quiet cpu repetitions: ${quiet.get('cpu 1') ?? 0} of ${REPEATS} with 1 thread, ${quiet.get('cpu 2') ?? 0} with 2` };
}

describe('speedup with 2 threads vs 1, through the runner', { timeout: 120_000, retry: 2 }, () => {
  const seen: string[] = [];
  afterAll(() => {
    if (seen.length) console.log(`speedup 2 vs 1 thread, ${TASKS} tasks of ${TASK_US} us:\n  ${seen.join('\n  ')}`);
  });

  async function check(target: string, parallel: boolean, skip: (note: string) => void, cpuBounds: (speedup: number) => void): Promise<void> {
    const { cpu, io, quiet } = await measure(target, parallel);
    seen.push(`${target}: cpu ${cpu === null ? 'n/a' : `${cpu.toFixed(2)}x`}, io ${io.toFixed(2)}x (${quiet})`);
    expect(io).toBeGreaterThan(1.5);
    if (cpu === null) skip(`other processes kept the cores busy during every cpu repetition of one thread count (${quiet})`);
    cpuBounds(cpu!);
  }

  it.skipIf(!GIL_313)(needs('a GIL build of 3.13 stays ~1x on cpu and scales on io', GIL_313, 'Python 3.13'), (ctx) =>
    check(`python:${GIL_313}`, false, ctx.skip, (speedup) => {
      expect(speedup).toBeLessThan(1.3);
      expect(speedup).toBeGreaterThan(0.6);
    }));

  it.skipIf(!OPT_313T)(needs('free-threaded 3.13t scales on cpu (> 1.5x) and on io', OPT_313T, '/opt/cpython/3.13t/bin/python3.13t'), (ctx) =>
    check(`python:${OPT_313T}`, true, ctx.skip, (speedup) => expect(speedup).toBeGreaterThan(1.5)));
});
