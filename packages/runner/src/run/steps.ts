/**
 * The steps of a prepared run, in order, one handler per kind: a warm-up (unrecorded), a
 * repetition (one row), a profiled run (the cell's rows of profile.csv). A failure is data: the
 * cell's remaining repetitions are recorded as not run and its session is replaced.
 */
import type { FunctionCategory } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import type { PlannedCell } from '../plan/cells.js';
import type { Step } from '../plan/schedule.js';
import { thinProfileThreads } from '../profile/coverage.js';
import { cellProfileRecords } from '../profile/records.js';
import { failed, type ProfileOk, type ProfileOutcome, type RepeatFailed, type RepeatOutcome, type TargetSession } from '../targets/target.js';
import { raceAbandon } from '../util/race-abandon.js';
import { describeCell } from './describe-cell.js';
import type { RunEvent } from './events.js';
import type { PreparedRun } from './prepare.js';
import type { Sessions } from './sessions.js';
import type { RunTally } from './tally.js';
import { timingRow } from './timing-row.js';

/** Thrown when the run is asked to stop; `runMatrix` turns it into E_INTERRUPTED. */
export class Interrupted extends Error {}

/** What every step of a run works with. */
export interface StepContext {
  readonly run: PreparedRun;
  readonly sessions: Sessions;
  readonly tally: RunTally;
  readonly emit: (event: RunEvent) => void;
  /** Stop before the next step. */
  readonly signal: AbortSignal | undefined;
  /** Stop now, abandoning the step in hand. */
  readonly abandonSignal: AbortSignal | undefined;
}

/** Takes the run's steps in order, skipping those of cells already done or abandoned. */
export async function runSteps(context: StepContext): Promise<void> {
  const { run, tally, signal, abandonSignal } = context;
  for (const step of run.steps) {
    if (tally.isDone(step.cell)) continue;
    if (signal?.aborted === true || abandonSignal?.aborted === true) throw new Interrupted();
    tally.cellStarted(step.cell);
    await takeStep(context, step);
    tally.stepDone(step.cell);
  }
}

function takeStep(context: StepContext, step: Step): Promise<void> {
  switch (step.kind) {
    case 'warmup':
      return warmUp(context, step);
    case 'repeat':
      return repeat(context, step);
    case 'profile':
      return profile(context, step);
  }
}

/** An unrecorded repetition; when it fails, the cell's rows say so. */
async function warmUp(context: StepContext, step: Extract<Step, { kind: 'warmup' }>): Promise<void> {
  const { run, tally, emit } = context;
  const cell = run.cells[step.cell]!;
  const outcome = await attempt(context, cell, (session) => session.runRepeat(cell, { timeoutMs: run.timeoutMs, warmup: true }));
  tally.worked(cell);
  emit({ type: 'repeat', cell, repeat: step.index, warmup: true, outcome, progress: tally.progress() });
  if (outcome.status !== 'ok') abandonCell(context, step.cell, 'warm-up', outcome);
}

/** One measured repetition: one row. */
async function repeat(context: StepContext, step: Extract<Step, { kind: 'repeat' }>): Promise<void> {
  const { run, tally, emit } = context;
  const cell = run.cells[step.cell]!;
  const startedAt = new Date().toISOString();
  const outcome = await attempt(context, cell, (session) => session.runRepeat(cell, { timeoutMs: run.timeoutMs, warmup: false }));
  writeRow(context, cell, step.repeat, startedAt, outcome);
  tally.worked(cell);
  emit({ type: 'repeat', cell, repeat: step.repeat, warmup: false, outcome, progress: tally.progress() });
  if (outcome.status !== 'ok') abandonCell(context, step.cell, step.repeat, outcome);
}

/** The cell once more under a profiler: its functions go to profile.csv. */
async function profile(context: StepContext, step: Extract<Step, { kind: 'profile' }>): Promise<void> {
  const { run, tally, emit } = context;
  const cell = run.cells[step.cell]!;
  const outcome = await attempt(context, cell, (session) => session.profile!(cell, run.profileOptions!));
  const written = outcome.status === 'ok' ? writeProfile(context, cell, outcome) : { rows: 0, categories: {} };
  tally.profiled(outcome.status === 'ok');
  tally.worked(cell);
  emit({ type: 'profile', cell, outcome, ...written, progress: tally.progress() });
}

/** Writes a profiled cell's rows and passes on the profiler's caveats; returns the rows and the time per category. */
function writeProfile(context: StepContext, cell: PlannedCell, outcome: ProfileOk): { rows: number; categories: Partial<Record<FunctionCategory, number>> } {
  const { run, tally, emit } = context;
  const records = cellProfileRecords(outcome, run.plan.run_id, cell, run.rules);
  // One write for the whole cell, so a killed run leaves all of its rows or none.
  run.profiles!.appendAll(records);
  const categories: Partial<Record<FunctionCategory, number>> = {};
  for (const record of records) categories[record.category] = (categories[record.category] ?? 0) + record.self_ns;
  for (const warning of outcome.warnings) tally.profilerWarning(warning);
  const thin = thinProfileThreads(outcome);
  if (thin.length > 0) emit({ type: 'warning', code: 'thin-profile', message: runnerMessages.thinProfile(describeCell(cell), thin, run.profileOptions!.intervalUs) });
  return { rows: records.length, categories };
}

function writeRow(context: StepContext, cell: PlannedCell, repeat: number, startedAt: string, outcome: RepeatOutcome): void {
  const { run, sessions, tally } = context;
  run.timings.append(timingRow({ run_id: run.plan.run_id, host_id: run.host_id }, cell, repeat, startedAt, sessions.runtime(cell.target), outcome));
  tally.rowWritten(cell, repeat, outcome);
}

/** Runs one repetition, or the profiled run, on the cell's target; a failure discards the session. */
async function attempt<T extends RepeatOutcome | ProfileOutcome>(context: StepContext, cell: PlannedCell, work: (session: TargetSession) => Promise<T>): Promise<T | RepeatFailed> {
  const { sessions } = context;
  const session = await sessions.get(cell.target);
  if (!('runRepeat' in session)) return session;
  const outcome = await raceAbandon(work(session), context.abandonSignal);
  if (outcome === undefined) {
    await sessions.discard(cell.target);
    throw new Interrupted();
  }
  if (outcome.status !== 'ok') await sessions.discard(cell.target);
  return outcome;
}

/**
 * After a failed warm-up or repetition, the cell's repetitions still to run are recorded as not
 * run, and the cell is done. After a warm-up (which has no row of its own) they carry its status
 * and message, so the rows say what went wrong; after a repetition, that repetition's row does.
 */
function abandonCell(context: StepContext, index: number, at: number | 'warm-up', failure: RepeatFailed): void {
  const { run, tally, emit } = context;
  const cell = run.cells[index]!;
  const [status, error] = at === 'warm-up' ? [failure.status, runnerMessages.warmupFailed(failure.error)] : (['error', runnerMessages.notRunAfterFailure(at, failure.status)] as const);
  for (const repeat of run.missing[index]!) {
    if (tally.hasRow(cell, repeat)) continue;
    const outcome = failed(status, error);
    writeRow(context, cell, repeat, new Date().toISOString(), outcome);
    tally.worked(cell);
    emit({ type: 'repeat', cell, repeat, warmup: false, outcome, progress: tally.progress() });
  }
  tally.cellDone(index);
}
