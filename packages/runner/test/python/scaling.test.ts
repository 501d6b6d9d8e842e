import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { PythonHarness, type PythonCell } from '../../src/python/harness.js';
import { withMeasureLock } from './measure-lock.js';
import { othersLoadDuring } from './quiet-machine.js';
import { GIL_313, OPT_313T, needs } from './interpreters.js';

/**
 * The issue's acceptance checks on speedup, measured on the real harness under the shared
 * measurement lock: 1- and 2-thread runs interleaved so drift hits both alike; speedup = fastest
 * 1-thread wall / fastest 2-thread wall.
 *
 * The lock keeps other measurements away, not other work (builds, other helpers' tests). While
 * another process holds a core, two cpu-bound threads share one and no interpreter can show a
 * speedup; a 1-thread baseline that loses its core looks slow. So a cpu run counts only when the
 * rest of the machine left it the cores it can use (one per thread without the GIL, one with it,
 * with QUIET_CORES of slack), and a check without such runs is skipped, saying so, rather than
 * judged on noise. What the guest cannot see (the hypervisor placing both vCPUs on one host core)
 * still shows now and then: a check is retried twice before it fails, and every attempt is logged.
 */
const TASK_US = 2000;
const NUM_TASKS = 40;
const REPEATS = 10;
const QUIET_CORES = 0.15;
/** Enough quiet runs of each thread count to take the fastest of. */
const QUIET_WANTED = 5;
/** How long to look for quiet runs, holding the lock. */
const SEARCH_MS = 12_000;

interface Speedup {
  speedup: number;
  quiet: number[];
  runs: number;
}

/** Fastest 1-thread wall / fastest 2-thread wall over runs that had the cores they could use. */
async function quietSpeedup(harness: PythonHarness, cell: Omit<PythonCell, 'num_threads'>): Promise<Speedup> {
  const parallel = harness.info.gil_enabled === false;
  const best = [Infinity, Infinity];
  const quiet = [0, 0];
  const cores = os.availableParallelism();
  await harness.runRepeat({ ...cell, num_threads: 2 }, { warmup: true });
  const deadline = Date.now() + SEARCH_MS;
  let runs = 0;
  for (; runs < REPEATS || (Math.min(...quiet) < QUIET_WANTED && Date.now() < deadline); runs++) {
    for (const threads of [1, 2]) {
      const { result, othersCores } = await othersLoadDuring([harness.pid!], () => harness.runRepeat({ ...cell, num_threads: threads }));
      if (result.status !== 'ok') throw new Error(result.error);
      const usable = parallel ? threads : 1;
      if (othersCores > cores - usable + QUIET_CORES) continue;
      quiet[threads - 1]! += 1;
      best[threads - 1] = Math.min(best[threads - 1]!, result.wall_ns);
    }
  }
  return { speedup: best[0]! / best[1]!, quiet, runs };
}

/** io tasks sleep: other work cannot make two threads look slower than one. */
async function ioSpeedup(harness: PythonHarness): Promise<number> {
  const best = [Infinity, Infinity];
  for (let r = 0; r < REPEATS; r++) {
    for (const threads of [1, 2]) {
      const result = await harness.runRepeat({ task_type: 'io', task_work: TASK_US, num_tasks: NUM_TASKS, num_threads: threads });
      if (result.status !== 'ok') throw new Error(result.error);
      best[threads - 1] = Math.min(best[threads - 1]!, result.wall_ns);
    }
  }
  return best[0]! / best[1]!;
}

async function measure(interpreter: string): Promise<{ cpu: Speedup; io: number }> {
  const harness = await PythonHarness.start(interpreter);
  try {
    const { task_work } = await harness.calibrate('cpu', TASK_US);
    return await withMeasureLock(async () => ({
      io: await ioSpeedup(harness),
      cpu: await quietSpeedup(harness, { task_type: 'cpu', task_work, num_tasks: NUM_TASKS }),
    }));
  } finally {
    await harness.close();
  }
}

const describeCpu = ({ speedup, quiet, runs }: Speedup) =>
  `${Math.min(...quiet) > 0 ? `${speedup.toFixed(2)}x` : 'n/a'} (quiet runs: ${quiet[0]} of ${runs} with 1 thread, ${quiet[1]} with 2)`;

describe('speedup with 2 threads vs 1 (under the measurement lock)', { timeout: 120_000, retry: 2 }, () => {
  const seen: string[] = [];
  afterAll(() => {
    if (seen.length) console.log(`speedup 2 vs 1 thread, ${NUM_TASKS} tasks of ${TASK_US} us:\n  ${seen.join('\n  ')}`);
  });

  async function check(interpreter: string, skip: (note: string) => void, cpuBounds: (speedup: number) => void): Promise<void> {
    const { cpu, io } = await measure(interpreter);
    seen.push(`${interpreter}: cpu ${describeCpu(cpu)}, io ${io.toFixed(2)}x`);
    expect(io).toBeGreaterThan(1.5);
    if (Math.min(...cpu.quiet) === 0) skip(`other processes held the cores during every cpu run of one thread count (${describeCpu(cpu)})`);
    cpuBounds(cpu.speedup);
  }

  it.skipIf(!GIL_313)(needs('a GIL build of 3.13 stays ~1x on cpu and scales on io', GIL_313, 'Python 3.13'), (ctx) =>
    check(GIL_313!, ctx.skip, (speedup) => {
      expect(speedup).toBeLessThan(1.3);
      expect(speedup).toBeGreaterThan(0.6);
    }));

  it.skipIf(!OPT_313T)(needs('free-threaded 3.13t scales on cpu (> 1.5x) and on io', OPT_313T, '/opt/cpython/3.13t/bin/python3.13t'), (ctx) =>
    check(OPT_313T!, ctx.skip, (speedup) => expect(speedup).toBeGreaterThan(1.5)));
});
