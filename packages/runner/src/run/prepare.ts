/**
 * Before a run measures anything: the plan it follows (new, or the one it resumes), the shard, the
 * targets and their sessions, the plan and the machine written down, the rows already there, and
 * the steps still to take.
 */
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
  type ProfileRecord,
  type TaskType,
  type TimingRecord,
} from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { cellKey, plannedCells, rowKey, targetTypesOfShard, type PlannedCell } from '../plan/cells.js';
import { RUN_DEFAULTS } from '../plan/options.js';
import { deriveRunId, matrixOf, orderOf, planConflicts, profileSettingsOf } from '../plan/run-plan.js';
import { readPlan, writePlan, type ProfileSettings, type RunMatrix, type RunPlan } from '../plan/plan-file.js';
import { schedule, type Step } from '../plan/schedule.js';
import { shardFromEnv, type Shard, type ShardChoice } from '../plan/shard.js';
import { DEFAULT_CATEGORY_RULES, type CategoryRule } from '../profile/categories.js';
import { resolveTargets, targetRegistry } from '../targets/registry.js';
import type { ProfileOptions, Target, TargetSession } from '../targets/target.js';
import { profileKey, readDoneRows, readProfiledCells, type DoneRows } from './done-rows.js';
import type { RunEvent } from './events.js';
import { runPaths, type RunPaths } from './paths.js';
import type { RunOptions } from './run-options.js';
import type { Sessions } from './sessions.js';

/** What a run follows, decided from its options and directory before any target starts. */
export interface RunDecision {
  readonly paths: RunPaths;
  /** The plan in the directory, when the run resumes one. */
  readonly existing: RunPlan | undefined;
  readonly matrix: RunMatrix;
  readonly profiling: ProfileSettings | null;
  readonly shard: Shard | null;
  /** Where the shard came from, for the start event: `--shard`, an engine's variable, or `plan.json`. */
  readonly shardSource: string;
  /** The targets the matrix names, and the target and task type pairs this shard measures. */
  readonly targets: ReadonlyMap<string, Target>;
  readonly needed: readonly (readonly [string, TaskType])[];
}

/** A run ready to take its steps: its plan and files, the rows it has, and what is left, in order. */
export interface PreparedRun {
  readonly plan: RunPlan;
  readonly paths: RunPaths;
  readonly resumed: boolean;
  readonly shard: Shard | null;
  /** Where the shard came from (see `RunDecision`). */
  readonly shardSource: string;
  /** `hostId` of this machine, which every row carries. */
  readonly host_id: string;
  readonly cells: readonly PlannedCell[];
  readonly done: DoneRows;
  /** Per cell, the repetitions without a row. */
  readonly missing: readonly (readonly number[])[];
  readonly steps: readonly Step[];
  readonly timeoutMs: number;
  /** How to profile, when the plan profiles. */
  readonly profileOptions: ProfileOptions | null;
  readonly rules: readonly CategoryRule[];
  /** timings.csv, and profile.csv when the plan profiles, open for appending; the caller closes them. */
  readonly timings: CsvAppender<TimingRecord>;
  readonly profiles: CsvAppender<ProfileRecord> | undefined;
}

const normalShard = (shard: Shard | undefined | null): Shard | null => (shard && shard.count > 1 ? { index: shard.index, count: shard.count } : null);

/**
 * The plan to follow (the one in `out`, checked against the request, or a new matrix), the shard
 * and the targets; refuses a directory it cannot write or whose rows have no plan.
 */
export async function decideRun(options: RunOptions): Promise<RunDecision> {
  const paths = runPaths(options.out);
  const given: ShardChoice | undefined = options.shard ? { ...options.shard, source: '--shard' } : shardFromEnv(options.env ?? process.env);
  const existing = existingPlan(options, paths, given);
  const matrix = existing ? existing.matrix : matrixOf(options);
  const profiling = existing ? existing.profile : profileSettingsOf(options);
  if (!existing) await assertNoOrphanRows(paths.timings);
  const shard = existing ? existing.shard : normalShard(given);
  const targets = resolveTargets(matrix.targets, options.registry ?? targetRegistry());
  prepareOutput(paths.raw);
  return {
    paths,
    existing,
    matrix,
    profiling,
    shard,
    shardSource: existing ? 'plan.json' : (given?.source ?? '--shard'),
    targets,
    needed: targetTypesOfShard(matrix, shard),
  };
}

/** The plan in `out` when the run resumes it (checked against the request); undefined for a new run. */
function existingPlan(options: RunOptions, paths: RunPaths, shard: ShardChoice | undefined): RunPlan | undefined {
  const existing = readPlan(paths.plan);
  if (existing && !options.resume)
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.runExists(options.out, existing.run_id), { hint: runnerMessages.runExistsHint });
  const conflict = existing && planConflicts(existing, options, shard)[0];
  if (conflict)
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.resumeConflict(conflict[0], conflict[1], conflict[2], options.out), {
      hint: runnerMessages.resumeConflictHint,
    });
  return existing;
}

/** Refuses a directory whose rows cannot be tied to a plan. */
async function assertNoOrphanRows(file: string): Promise<void> {
  if (!existsSync(file)) return;
  let rows = 0;
  for await (const _row of readCsvRows(file)) if (++rows > 1) break;
  if (rows > 1) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.orphanRows(file), { hint: runnerMessages.orphanRowsHint });
}

/** Creates the raw/ directory, or says at once (before any calibration) that it cannot be written. */
function prepareOutput(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(dir, fsErrorReason(error)), { hint: coreMessages.cannotWriteHint, cause: error });
  }
}

/**
 * Starts the sessions of the targets this shard measures, then writes the plan (calibrated now, for
 * a new run) and the machine, opens the CSVs, reads the rows already there and schedules the rest.
 */
export async function prepareRun(options: RunOptions, decision: RunDecision, sessions: Sessions, emit: (event: RunEvent) => void): Promise<PreparedRun> {
  const { paths, existing, profiling } = decision;
  const used = [...new Set(decision.needed.map(([target]) => target))];
  await sessions.startAll(used);
  const timeoutS = options.timeoutS ?? existing?.timeout_s ?? RUN_DEFAULTS.timeoutS;
  const profileOptions: ProfileOptions | null = profiling && { profiler: profiling.profiler, intervalUs: profiling.interval_us, timeoutMs: timeoutS * 1000 };
  if (profileOptions) checkProfiling(sessions, used, profileOptions);

  // The plan, calibrated once, and the machine, written before any row.
  const plan = existing ?? (await newPlan(options, decision, sessions, emit));
  if (!existing) writePlan(paths.plan, plan);
  const host_id = recordHost(paths.host, sessions, emit);

  const timings = CsvAppender.open(paths.timings, timingSchema);
  try {
    const cells = plannedCells(plan, paths.plan);
    const done = await readDoneRows(paths.timings, plan, cells);
    const profiled = plan.profile ? await readProfiledCells(paths.profile, plan, cells) : new Set<string>();
    const profiles = plan.profile ? CsvAppender.open(paths.profile, profileSchema) : undefined;
    const { missing, steps } = remainingSteps(plan, cells, done, profiled);
    return {
      plan,
      paths,
      resumed: existing !== undefined,
      shard: decision.shard,
      shardSource: decision.shardSource,
      host_id,
      cells,
      done,
      missing,
      steps,
      timeoutMs: timeoutS * 1000,
      profileOptions,
      rules: [...(plan.profile?.categories ?? []), ...DEFAULT_CATEGORY_RULES],
      timings,
      profiles,
    };
  } catch (error) {
    timings.close();
    throw error;
  }
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

/** A new plan: the task work of each target and task type this shard measures, calibrated or fixed. */
async function newPlan(options: RunOptions, decision: RunDecision, sessions: Sessions, emit: (event: RunEvent) => void): Promise<RunPlan> {
  const { matrix } = decision;
  const task_work: RunPlan['task_work'] = {};
  for (const [target, type] of decision.needed) {
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
    shard: decision.shard,
    task_work,
    order: orderOf(options),
    profile: decision.profiling,
    created_at: new Date().toISOString(),
  };
}

/** Writes host.json (the machine, with the interpreters the targets reported), warning if it changed since the run began. */
function recordHost(file: string, sessions: Sessions, emit: (event: RunEvent) => void): string {
  const host = collectHostInfo(sessions.runtimes().flatMap((r) => (r.interpreter ? [r.interpreter] : [])));
  const host_id = hostId(host);
  if (existsSync(file)) {
    const before = hostId(readHostInfo(file));
    if (before !== host_id) emit({ type: 'warning', code: 'host-changed', message: runnerMessages.hostChanged(before, host_id) });
  }
  writeHostInfo(file, host);
  return host_id;
}

/** What is missing (repetitions without a row, profiles not taken), in the order the plan runs it. */
function remainingSteps(plan: RunPlan, cells: readonly PlannedCell[], done: DoneRows, profiled: ReadonlySet<string>): { missing: number[][]; steps: Step[] } {
  const { repeats, warmup } = plan.matrix;
  const missing = cells.map((cell) => Array.from({ length: repeats }, (_, r) => r).filter((r) => !done.doneLines.has(rowKey({ ...cell, repeat: r }))));
  const needsProfile = cells.map((cell) => plan.profile !== null && !profiled.has(profileKey(cell)) && !done.failedCells.has(cellKey(cell)));
  const steps = schedule({ threads: cells.map((cell) => cell.num_threads), missing, profile: needsProfile, warmup, order: plan.order, seed: plan.seed });
  return { missing, steps };
}
