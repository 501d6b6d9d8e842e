import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import {
  collectHostInfo,
  coreMessages,
  CsvAppender,
  ERROR_CODES,
  hostId,
  PoolscopeError,
  readCsvRows,
  readHostInfo,
  readRecords,
  timingSchema,
  writeHostInfo,
  type TaskType,
  type TimingRecord,
} from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { cellKey, curvesOfShard, plannedCells, rowKey, targetTypesOfShard, type PlannedCell } from '../plan/cells.js';
import { RUN_DEFAULTS, type RunRequest } from '../plan/options.js';
import { deriveRunId, matrixOf, planConflicts, readPlan, writePlan, type RunPlan } from '../plan/run-plan.js';
import { shardFromEnv, type Shard, type ShardChoice } from '../plan/shard.js';
import { nodeTargetRegistry, resolveTargets, type TargetRegistry } from '../targets/registry.js';
import type { RepeatFailed, RepeatOutcome, TargetSession } from '../targets/target.js';
import type { RunEvent, RunProgress } from './events.js';
import { runPaths, type RunPaths } from './paths.js';
import { estimateRemainingMs } from './progress.js';
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
  /** Turns target names into targets. Default: the Node targets. */
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
}

class Interrupted extends Error {}

/** Creates the raw/ directory, or says at once (before any calibration) that it cannot be written. */
function prepareOutput(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(dir, (error as Error).message), { hint: coreMessages.cannotWriteHint, cause: error });
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
    created_at: new Date().toISOString(),
  };
}

/**
 * The rows already in timings.csv (a resumed run), each checked to belong to the plan and to
 * appear once: the line of each row key, and the wall times of each cell's ok rows.
 */
async function readDoneRows(file: string, plan: RunPlan, cells: readonly PlannedCell[]) {
  const planned = new Set(cells.flatMap((cell) => Array.from({ length: plan.matrix.repeats }, (_, repeat) => rowKey({ ...cell, repeat }))));
  const doneLines = new Map<string, number>();
  const walls = new Map<string, number[]>();
  for await (const { line, record } of readRecords(file, timingSchema)) {
    const key = rowKey(record);
    const where = `${file}:${line}`;
    if (record.run_id !== plan.run_id || !planned.has(key))
      throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.rowNotInRun(where, plan.run_id), { hint: runnerMessages.foreignRowsHint });
    const first = doneLines.get(key);
    if (first !== undefined) throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.duplicateRow(where, first), { hint: runnerMessages.foreignRowsHint });
    doneLines.set(key, line);
    if (record.status === 'ok') pushTo(walls, cellKey(record), record.wall_ns);
  }
  return { doneLines, walls };
}

/**
 * Runs a matrix of cells (target x task type x task count x thread count) and appends one row per
 * measured repetition to `OUT/raw/timings.csv`, each flushed to disk as it finishes.
 *
 * Before measuring, the plan (run id, seed, matrix, shard and each target's calibrated task work) is
 * written to `OUT/raw/plan.json` and the machine to `OUT/raw/host.json`. Cells run in an order
 * shuffled with the seed; each runs its warm-ups, then its repetitions. A repetition that fails
 * becomes a row with status `error` or `timeout`, the target's session is replaced by a fresh one,
 * and the cell's remaining repetitions are recorded as not run. The run throws only on misuse
 * (PoolscopeError) or when stopped through `signal` (E_INTERRUPTED, after which `resume` continues).
 */
export async function runMatrix(options: RunOptions): Promise<RunSummary> {
  const emit = options.onEvent ?? (() => undefined);
  const paths = runPaths(options.out);
  const givenShard: ShardChoice | undefined = options.shard ? { ...options.shard, source: '--shard' } : shardFromEnv(options.env ?? process.env);
  const { plan: existing, matrix } = decidePlan(options, paths, givenShard);
  if (!existing) await assertNoOrphanRows(paths.timings);
  const shard = existing ? existing.shard : normalShard(givenShard);

  const targets = resolveTargets(matrix.targets, options.registry ?? nodeTargetRegistry());
  prepareOutput(paths.raw);
  const needed = targetTypesOfShard(matrix, shard);
  const sessions = new Sessions(targets, emit);
  let appender: CsvAppender<TimingRecord> | undefined;
  let rowsWritten = 0;
  try {
    await sessions.startAll([...new Set(needed.map(([target]) => target))]);

    // 1. The plan: calibrated once, written before any row.
    const plan = existing ?? (await newPlan(options, matrix, shard, needed, sessions, emit));
    if (!existing) writePlan(paths.plan, plan);
    const timeoutMs = (options.timeoutS ?? plan.timeout_s) * 1000;

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
    const { doneLines, walls } = await readDoneRows(paths.timings, plan, cells);

    // 4. Measure what is missing.
    const { repeats, warmup } = plan.matrix;
    const missingOf = (cell: PlannedCell) => Array.from({ length: repeats }, (_, r) => r).filter((r) => !doneLines.has(rowKey({ ...cell, repeat: r })));
    const todo = cells.map((cell) => ({ cell, missing: missingOf(cell) }));
    const totalWork = todo.reduce((sum, { cell, missing }) => sum + (missing.length ? (missing.length + warmup) * cell.num_tasks : 0), 0);
    let doneWork = 0;
    let cellsDone = todo.filter((t) => t.missing.length === 0).length;
    const cellsSkipped = cellsDone;
    const startedAt = Date.now();
    const progress = (): RunProgress => {
      const elapsed = Date.now() - startedAt;
      return { cells_done: cellsDone, cells_total: cells.length, elapsed_ms: elapsed, eta_ms: estimateRemainingMs(elapsed, doneWork, totalWork) };
    };
    emit({
      type: 'start',
      run_id: plan.run_id,
      files: paths,
      resumed: existing !== undefined,
      shard: shard ? { ...shard, source: existing ? 'plan.json' : (givenShard?.source ?? '--shard') } : null,
      rows_existing: doneLines.size,
      rows_total: cells.length * repeats,
      progress: progress(),
    });
    if (shard && cells.length === 0)
      emit({ type: 'warning', code: 'empty-shard', message: runnerMessages.emptyShard(shard.index, shard.count, curvesOfShard(plan.matrix, null).length) });

    const stopRequested = () => options.signal?.aborted === true || options.abandonSignal?.aborted === true;
    const writeRow = (cell: PlannedCell, repeat: number, startedAt: string, outcome: RepeatOutcome) => {
      appender!.append(timingRow({ run_id: plan.run_id, host_id }, cell, repeat, startedAt, sessions.runtime(cell.target), outcome));
      rowsWritten += 1;
      doneLines.set(rowKey({ ...cell, repeat }), -1);
    };

    /** One repetition on the cell's target; a failure discards the session. */
    const measure = async (cell: PlannedCell, warm: boolean): Promise<RepeatOutcome> => {
      const session = await sessions.get(cell.target);
      if (!('runRepeat' in session)) return session;
      const outcome = await raceAbandon(session.runRepeat(cell, { timeoutMs, warmup: warm }), options.abandonSignal);
      if (outcome === undefined) {
        await sessions.discard(cell.target);
        throw new Interrupted();
      }
      if (outcome.status !== 'ok') await sessions.discard(cell.target);
      return outcome;
    };

    let rowsFailed = 0;
    let unstable = 0;
    for (const { cell, missing } of todo) {
      if (missing.length === 0) continue;
      emit({ type: 'cell-start', cell, progress: progress() });
      let failure: { at: number | 'warm-up'; outcome: RepeatFailed } | undefined;
      for (let w = 0; w < warmup && !failure; w++) {
        if (stopRequested()) throw new Interrupted();
        const outcome = await measure(cell, true);
        doneWork += cell.num_tasks;
        if (outcome.status !== 'ok') failure = { at: 'warm-up', outcome };
        emit({ type: 'repeat', cell, repeat: w, warmup: true, outcome, progress: progress() });
      }
      for (const repeat of missing) {
        if (stopRequested()) throw new Interrupted();
        const started = new Date().toISOString();
        const outcome: RepeatOutcome = failure
          ? { status: 'error', error: runnerMessages.notRunAfterFailure(failure.at, failure.outcome.status), wall_ns: null, cpu_user_ns: null, cpu_sys_ns: null, max_rss_kb: null }
          : await measure(cell, false);
        writeRow(cell, repeat, started, outcome);
        doneWork += cell.num_tasks;
        if (outcome.status === 'ok') pushTo(walls, cellKey(cell), outcome.wall_ns);
        else {
          rowsFailed += 1;
          failure ??= { at: repeat, outcome };
        }
        emit({ type: 'repeat', cell, repeat, warmup: false, outcome, progress: progress() });
      }
      cellsDone += 1;
      const cv = coefficientOfVariation(walls.get(cellKey(cell)) ?? []) ?? null;
      if (cv !== null && cv > CV_WARNING_THRESHOLD) {
        unstable += 1;
        const okCount = walls.get(cellKey(cell))!.length;
        emit({ type: 'warning', code: 'high-cv', message: runnerMessages.highVariation(describeCell(cell), cv, okCount) });
      }
      emit({ type: 'cell-done', cell, cv, progress: progress() });
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
    };
  } catch (error) {
    if (error instanceof Interrupted)
      throw new PoolscopeError(ERROR_CODES.INTERRUPTED, runnerMessages.interrupted(rowsWritten), { hint: runnerMessages.interruptedHint(options.out) });
    throw error;
  } finally {
    appender?.close();
    await sessions.closeAll();
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
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
