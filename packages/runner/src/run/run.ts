import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import {
  collectHostInfo,
  coreMessages,
  fsErrorReason,
  CsvAppender,
  ERROR_CODES,
  hostId,
  PoolscopeError,
  profileSchema,
  readCsvRows,
  readHostInfo,
  timingSchema,
  writeHostInfo,
  type FunctionCategory,
  type ProfileRecord,
  type TaskType,
  type TimingRecord,
} from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { cellKey, curvesOfShard, plannedCells, rowKey, targetTypesOfShard, type PlannedCell } from '../plan/cells.js';
import { RUN_DEFAULTS, type RunRequest } from '../plan/options.js';
import { deriveRunId, matrixOf, orderOf, planConflicts, profileSettingsOf, readPlan, writePlan, type ProfileSettings, type RunPlan } from '../plan/run-plan.js';
import { schedule } from '../plan/schedule.js';
import { shardFromEnv, type Shard, type ShardChoice } from '../plan/shard.js';
import { DEFAULT_CATEGORY_RULES } from '../profile/categories.js';
import { thinProfileThreads } from '../profile/coverage.js';
import { cellProfileRecords } from '../profile/records.js';
import { resolveTargets, targetRegistry } from '../targets/registry.js';
import type { ProfileOptions, ProfileOutcome, RepeatFailed, RepeatOutcome, TargetRegistry, TargetSession } from '../targets/target.js';
import type { RunEvent, RunProgress } from './events.js';
import { runPaths, type RunPaths } from './paths.js';
import { estimateRemainingMs } from './progress.js';
import { profileKey, pushTo, readDoneRows, readProfiledCells } from './done-rows.js';
import { Sessions } from './sessions.js';
import { timingRow } from './timing-row.js';
import { coefficientOfVariation, CV_WARNING_THRESHOLD } from './stats.js';

/** Options of `runMatrix`: the request, where to write, and how to report and stop. */
export interface RunOptions extends RunRequest {
  /** The run directory: rows go to `OUT/raw/timings.csv`, beside `host.json` and `plan.json`. */
  readonly out: string;
  /**
   * Continue the run in `out`: cells and repetitions that have a row are not run again. Starts
   * a new run when `out` holds none, so a job that is requeued can always pass it. Default false.
   */
  readonly resume?: boolean;
  /** Where shard variables are read from (see `shardFromEnv`). Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Turns target names into targets. Default: every target poolscope knows (`targetRegistry()`). */
  readonly registry?: TargetRegistry;
  /** Stop after the repetition in hand (its row is written); the run throws E_INTERRUPTED. */
  readonly signal?: AbortSignal;
  /** Stop now, abandoning the repetition in hand (no row is written for it); throws E_INTERRUPTED. */
  readonly abandonSignal?: AbortSignal;
  /** Receives progress, warnings and results as they happen. */
  readonly onEvent?: (event: RunEvent) => void;
}

/** What a run did. */
export interface RunSummary {
  readonly run_id: string;
  readonly files: RunPaths;
  readonly shard: Shard | null;
  readonly cells_total: number;
  /** Cells that were complete before this invocation (resume). */
  readonly cells_skipped: number;
  readonly rows_written: number;
  /** Rows written with status error or timeout. */
  readonly rows_failed: number;
  /** Cells whose repetitions varied by more than 10%. */
  readonly unstable_cells: number;
  /** Cells profiled by this invocation (`profile`), and profiled runs that failed. */
  readonly profiles_written: number;
  readonly profiles_failed: number;
}

class Interrupted extends Error {}

/** Creates the raw/ directory, or says at once (before any calibration) that it cannot be written. */
function prepareOutput(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(dir, fsErrorReason(error)), { hint: coreMessages.cannotWriteHint, cause: error });
  }
}

const normalShard = (shard: Shard | undefined | null): Shard | null => (shard && shard.count > 1 ? { index: shard.index, count: shard.count } : null);

/** Refuses a directory whose rows cannot be tied to a plan. */
async function assertNoOrphanRows(file: string): Promise<void> {
  if (!existsSync(file)) return;
  let rows = 0;
  for await (const _row of readCsvRows(file)) if (++rows > 1) break;
  if (rows > 1) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.orphanRows(file), { hint: runnerMessages.orphanRowsHint });
}

/** The plan to follow: the one in `out` (resume), checked against the request, or a new one. */
function decidePlan(options: RunOptions, paths: RunPaths, shard: ShardChoice | undefined): { plan: RunPlan | undefined; matrix: RunPlan['matrix'] } {
  const existing = readPlan(paths.plan);
  if (existing && !options.resume)
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.runExists(options.out, existing.run_id), { hint: runnerMessages.runExistsHint });
  if (existing) {
    const conflict = planConflicts(existing, options, shard)[0];
    if (conflict)
      throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.resumeConflict(conflict[0], conflict[1], conflict[2], options.out), {
        hint: runnerMessages.resumeConflictHint,
      });
    return { plan: existing, matrix: existing.matrix };
  }
  return { plan: undefined, matrix: matrixOf(options) };
}

/** A new plan: the task work of each target and task type this shard measures, calibrated or fixed. */
async function newPlan(
  options: RunOptions,
  matrix: RunPlan['matrix'],
  shard: Shard | null,
  needed: readonly [string, TaskType][],
  sessions: Sessions,
  emit: (event: RunEvent) => void,
  profile: ProfileSettings | null,
): Promise<RunPlan> {
  const task_work: RunPlan['task_work'] = {};
  for (const [target, type] of needed) {
    const size = matrix.task_size[type]!;
    let work: number;
    if ('task_work' in size) work = size.task_work;
    else {
      const session = (await sessions.get(target)) as TargetSession;
      try {
        work = await session.calibrate(type, size.task_us);
      } catch (error) {
        throw new PoolscopeError(ERROR_CODES.RUNTIME, runnerMessages.calibrationFailed(target, type, (error as Error).message), { cause: error });
      }
      emit({ type: 'calibrated', target, task_type: type, task_us: size.task_us, task_work: work });
    }
    (task_work[target] ??= {})[type] = work;
  }
  return {
    schema_version: 1,
    run_id: options.runId ?? deriveRunId(matrix),
    seed: options.seed ?? RUN_DEFAULTS.seed,
    timeout_s: options.timeoutS ?? RUN_DEFAULTS.timeoutS,
    matrix,
    shard,
    task_work,
    order: orderOf(options),
    profile,
    created_at: new Date().toISOString(),
  };
}

/** Refuses, before anything is measured, to profile with a target that cannot or will not. */
function checkProfiling(sessions: Sessions, names: readonly string[], options: ProfileOptions): void {
  for (const name of names) {
    const session = sessions.live(name);
    if (!session?.profile) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.cannotProfile(name));
    const refusal = session.profileRefusal?.(options);
    if (refusal) throw refusal;
  }
}

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
  const paths = runPaths(options.out);
  const givenShard: ShardChoice | undefined = options.shard ? { ...options.shard, source: '--shard' } : shardFromEnv(options.env ?? process.env);
  const { plan: existing, matrix } = decidePlan(options, paths, givenShard);
  const profiling = existing ? existing.profile : profileSettingsOf(options);
  if (!existing) await assertNoOrphanRows(paths.timings);
  const shard = existing ? existing.shard : normalShard(givenShard);

  const targets = resolveTargets(matrix.targets, options.registry ?? targetRegistry());
  prepareOutput(paths.raw);
  const needed = targetTypesOfShard(matrix, shard);
  const sessions = new Sessions(targets, emit);
  let appender: CsvAppender<TimingRecord> | undefined;
  let profileAppender: CsvAppender<ProfileRecord> | undefined;
  let rowsWritten = 0;
  try {
    const used = [...new Set(needed.map(([target]) => target))];
    await sessions.startAll(used);
    const timeoutS = options.timeoutS ?? existing?.timeout_s ?? RUN_DEFAULTS.timeoutS;
    const profileOptions: ProfileOptions | null = profiling && { profiler: profiling.profiler, intervalUs: profiling.interval_us, timeoutMs: timeoutS * 1000 };
    if (profileOptions) checkProfiling(sessions, used, profileOptions);

    // 1. The plan: calibrated once, written before any row.
    const plan = existing ?? (await newPlan(options, matrix, shard, needed, sessions, emit, profiling));
    if (!existing) writePlan(paths.plan, plan);
    const timeoutMs = timeoutS * 1000;

    // 2. The machine, with the interpreters the targets reported.
    const host = collectHostInfo(sessions.runtimes().flatMap((r) => (r.interpreter ? [r.interpreter] : [])));
    const host_id = hostId(host);
    if (existsSync(paths.host)) {
      const before = hostId(readHostInfo(paths.host));
      if (before !== host_id) emit({ type: 'warning', code: 'host-changed', message: runnerMessages.hostChanged(before, host_id) });
    }
    writeHostInfo(paths.host, host);

    // 3. The rows already there (resume), checked against the plan.
    appender = CsvAppender.open(paths.timings, timingSchema);
    const cells = plannedCells(plan, paths.plan);
    const { doneLines, walls, failedCells } = await readDoneRows(paths.timings, plan, cells);
    const profiled = plan.profile ? await readProfiledCells(paths.profile, plan, cells) : new Set<string>();
    if (plan.profile) profileAppender = CsvAppender.open(paths.profile, profileSchema);
    const rules = [...(plan.profile?.categories ?? []), ...DEFAULT_CATEGORY_RULES];

    // 4. What is missing, in the order it runs.
    const { repeats, warmup } = plan.matrix;
    const missing = cells.map((cell) => Array.from({ length: repeats }, (_, r) => r).filter((r) => !doneLines.has(rowKey({ ...cell, repeat: r }))));
    const needsProfile = cells.map((cell) => plan.profile !== null && !profiled.has(profileKey(cell)) && !failedCells.has(cellKey(cell)));
    const steps = schedule({ threads: cells.map((cell) => cell.num_threads), missing, profile: needsProfile, warmup, order: plan.order, seed: plan.seed });
    const stepsLeft = cells.map(() => 0);
    for (const step of steps) stepsLeft[step.cell]! += 1;
    const totalWork = steps.reduce((sum, step) => sum + cells[step.cell]!.num_tasks, 0);
    let doneWork = 0;
    let cellsDone = stepsLeft.filter((n) => n === 0).length;
    const cellsSkipped = cellsDone;
    const startedAt = Date.now();
    const progress = (): RunProgress => {
      const elapsed = Date.now() - startedAt;
      return {
        cells_done: cellsDone,
        cells_total: cells.length,
        repeats_done: doneLines.size,
        repeats_total: cells.length * repeats,
        elapsed_ms: elapsed,
        eta_ms: estimateRemainingMs(elapsed, doneWork, totalWork),
      };
    };
    emit({
      type: 'start',
      run_id: plan.run_id,
      files: paths,
      resumed: existing !== undefined,
      order: plan.order,
      profiling: plan.profile !== null,
      shard: shard ? { ...shard, source: existing ? 'plan.json' : (givenShard?.source ?? '--shard') } : null,
      rows_existing: doneLines.size,
      rows_total: cells.length * repeats,
      progress: progress(),
    });
    if (shard && cells.length === 0)
      emit({ type: 'warning', code: 'empty-shard', message: runnerMessages.emptyShard(shard.index, shard.count, curvesOfShard(plan.matrix, null).length) });

    const stopRequested = () => options.signal?.aborted === true || options.abandonSignal?.aborted === true;
    let rowsFailed = 0;
    let unstable = 0;
    let profilesWritten = 0;
    let profilesFailed = 0;
    const warned = new Set<string>();
    const started = cells.map(() => false);

    const writeRow = (cell: PlannedCell, repeat: number, startedAt: string, outcome: RepeatOutcome) => {
      appender!.append(timingRow({ run_id: plan.run_id, host_id }, cell, repeat, startedAt, sessions.runtime(cell.target), outcome));
      rowsWritten += 1;
      if (outcome.status !== 'ok') rowsFailed += 1;
      doneLines.set(rowKey({ ...cell, repeat }), -1);
    };

    /** Runs one repetition, or the profiled run, on the cell's target; a failure discards the session. */
    const attempt = async <T extends RepeatOutcome | ProfileOutcome>(cell: PlannedCell, work: (session: TargetSession) => Promise<T>): Promise<T | RepeatFailed> => {
      const session = await sessions.get(cell.target);
      if (!('runRepeat' in session)) return session;
      const outcome = await raceAbandon(work(session), options.abandonSignal);
      if (outcome === undefined) {
        await sessions.discard(cell.target);
        throw new Interrupted();
      }
      if (outcome.status !== 'ok') await sessions.discard(cell.target);
      return outcome;
    };

    /** A cell with nothing left to do: count it, and warn if its repetitions varied a lot. */
    const cellDone = (index: number) => {
      const cell = cells[index]!;
      stepsLeft[index] = 0;
      cellsDone += 1;
      const cv = coefficientOfVariation(walls.get(cellKey(cell)) ?? []) ?? null;
      if (cv !== null && cv > CV_WARNING_THRESHOLD) {
        unstable += 1;
        emit({ type: 'warning', code: 'high-cv', message: runnerMessages.highVariation(describeCell(cell), cv, walls.get(cellKey(cell))!.length) });
      }
      emit({ type: 'cell-done', cell, cv, progress: progress() });
    };

    /**
     * After a failed warm-up or repetition, the cell's repetitions still to run are recorded as not
     * run, and the cell is done. After a warm-up (which has no row of its own) they carry its status
     * and message, so the rows say what went wrong; after a repetition, that repetition's row does.
     */
    const abandonCell = (index: number, at: number | 'warm-up', failure: RepeatFailed) => {
      const cell = cells[index]!;
      const [status, error] = at === 'warm-up' ? [failure.status, runnerMessages.warmupFailed(failure.error)] : (['error', runnerMessages.notRunAfterFailure(at, failure.status)] as const);
      for (const repeat of missing[index]!) {
        if (doneLines.has(rowKey({ ...cell, repeat }))) continue;
        const outcome: RepeatFailed = { status, error, wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null };
        writeRow(cell, repeat, new Date().toISOString(), outcome);
        doneWork += cell.num_tasks;
        emit({ type: 'repeat', cell, repeat, warmup: false, outcome, progress: progress() });
      }
      cellDone(index);
    };

    for (const step of steps) {
      const index = step.cell;
      const cell = cells[index]!;
      if (stepsLeft[index] === 0) continue;
      if (stopRequested()) throw new Interrupted();
      if (!started[index]) {
        started[index] = true;
        emit({ type: 'cell-start', cell, progress: progress() });
      }
      if (step.kind === 'warmup') {
        const outcome = await attempt(cell, (session) => session.runRepeat(cell, { timeoutMs, warmup: true }));
        doneWork += cell.num_tasks;
        emit({ type: 'repeat', cell, repeat: step.index, warmup: true, outcome, progress: progress() });
        if (outcome.status !== 'ok') {
          abandonCell(index, 'warm-up', outcome);
          continue;
        }
      } else if (step.kind === 'repeat') {
        const startedAt = new Date().toISOString();
        const outcome = await attempt(cell, (session) => session.runRepeat(cell, { timeoutMs, warmup: false }));
        writeRow(cell, step.repeat, startedAt, outcome);
        doneWork += cell.num_tasks;
        if (outcome.status === 'ok') pushTo(walls, cellKey(cell), outcome.wall_ns);
        emit({ type: 'repeat', cell, repeat: step.repeat, warmup: false, outcome, progress: progress() });
        if (outcome.status !== 'ok') {
          abandonCell(index, step.repeat, outcome);
          continue;
        }
      } else {
        const outcome = await attempt(cell, (session) => session.profile!(cell, profileOptions!));
        let rows = 0;
        const categories: Partial<Record<FunctionCategory, number>> = {};
        if (outcome.status === 'ok') {
          const records = cellProfileRecords(outcome, plan.run_id, cell, rules);
          // One write for the whole cell, so a killed run leaves all of its rows or none.
          profileAppender!.appendAll(records);
          rows = records.length;
          for (const record of records) categories[record.category] = (categories[record.category] ?? 0) + record.self_ns;
          profilesWritten += 1;
          for (const warning of outcome.warnings) {
            if (warned.has(warning)) continue;
            warned.add(warning);
            emit({ type: 'warning', code: 'profile', message: warning });
          }
          const thin = thinProfileThreads(outcome);
          if (thin.length > 0) emit({ type: 'warning', code: 'thin-profile', message: runnerMessages.thinProfile(describeCell(cell), thin, profileOptions!.intervalUs) });
        } else profilesFailed += 1;
        doneWork += cell.num_tasks;
        emit({ type: 'profile', cell, outcome, rows, categories, progress: progress() });
      }
      stepsLeft[index]! -= 1;
      if (stepsLeft[index] === 0) cellDone(index);
    }
    return {
      run_id: plan.run_id,
      files: paths,
      shard,
      cells_total: cells.length,
      cells_skipped: cellsSkipped,
      rows_written: rowsWritten,
      rows_failed: rowsFailed,
      unstable_cells: unstable,
      profiles_written: profilesWritten,
      profiles_failed: profilesFailed,
    };
  } catch (error) {
    if (error instanceof Interrupted)
      throw new PoolscopeError(ERROR_CODES.INTERRUPTED, runnerMessages.interrupted(rowsWritten), { hint: runnerMessages.interruptedHint(options.out) });
    throw error;
  } finally {
    appender?.close();
    profileAppender?.close();
    await sessions.closeAll();
  }
}

/** A cell for people: `node-pool cpu, 1000 tasks x 2 threads`. */
export function describeCell(cell: PlannedCell): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${cell.target} ${cell.task_type}, ${count(cell.num_tasks, 'task')} x ${count(cell.num_threads, 'thread')}`;
}

/** The promise's value, or undefined as soon as `signal` aborts. */
async function raceAbandon<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return undefined;
  }
  let onAbort: (() => void) | undefined;
  const abandoned = new Promise<undefined>((resolve) => {
    onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => undefined);
  try {
    return await Promise.race([promise, abandoned]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
