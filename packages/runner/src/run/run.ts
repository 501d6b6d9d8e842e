import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { decideRun, prepareRun, type PreparedRun } from './prepare.js';
import type { RunOptions } from './run-options.js';
import { Sessions } from './sessions.js';
import { Interrupted, runSteps } from './steps.js';
import { RunTally, type RunSummary } from './tally.js';

export type { RunOptions } from './run-options.js';
export type { RunSummary } from './tally.js';

/**
 * Runs a matrix of cells (target x task type x task count x thread count) and appends one row per
 * measured repetition to `OUT/raw/timings.csv`, each flushed to disk as it finishes.
 *
 * Before measuring, the plan (run id, seed, matrix, shard, order, profiling and each target's
 * calibrated task work) is written to `OUT/raw/plan.json` and the machine to `OUT/raw/host.json`.
 * The repetitions run in the plan's order (see `schedule`): by default in rounds, every cell's
 * repetition 0 in a shuffled order, then every cell's repetition 1 in another, and so on, after a
 * round of warm-ups. A repetition that fails becomes a row with status `error` or `timeout`, the
 * target's session is replaced by a fresh one, and the cell's remaining repetitions are recorded as
 * not run. With `profile`, each cell whose repetitions all succeeded is run once more under a
 * profiler, after them, and its functions go to `OUT/raw/profile.csv`. The run throws only on
 * misuse (PoolscopeError) or when stopped through `signal` (E_INTERRUPTED, after which `resume`
 * continues).
 */
export async function runMatrix(options: RunOptions): Promise<RunSummary> {
  const emit = options.onEvent ?? (() => undefined);
  const decision = await decideRun(options);
  const sessions = new Sessions(decision.targets, emit);
  let run: PreparedRun | undefined;
  let tally: RunTally | undefined;
  try {
    run = await prepareRun(options, decision, sessions, emit);
    tally = new RunTally(run, emit);
    tally.start();
    await runSteps({ run, sessions, tally, emit, signal: options.signal, abandonSignal: options.abandonSignal });
    return tally.summary();
  } catch (error) {
    if (error instanceof Interrupted)
      throw new PoolscopeError(ERROR_CODES.INTERRUPTED, runnerMessages.interrupted(tally?.rowsWritten ?? 0), { hint: runnerMessages.interruptedHint(options.out) });
    throw error;
  } finally {
    run?.timings.close();
    run?.profiles?.close();
    await sessions.closeAll();
  }
}
