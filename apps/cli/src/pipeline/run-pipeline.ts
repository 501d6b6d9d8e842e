import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ERROR_CODES, PoolscopeError, coreMessages, fsErrorReason, isPoolscopeError, readCsvRows, runDirectory } from '@poolscope/core';
import { discoverPythons, runMatrix, type InjectedFault, type RunEvent, type RunRequest, type RunSummary } from '@poolscope/runner';
import type { FigureFormat } from '@poolscope/plots';
import { regenerate, type RegenerateOptions } from '../report/write-report.js';
import { pipelineMessages as m } from './messages.js';
import { pipelineProfile, type PipelineProfileName } from './profiles.js';
import { readPipelineRecord, writePipelineRecord, type PipelineRecord } from './record.js';
import { freeRunId, latestRun, pipelineRunId, pointLatest } from './results-dir.js';
import { pipelineRegistry } from './registry.js';
import { chooseRuntimes, type RuntimeChoice } from './runtimes.js';

/** What `poolscope pipeline` was asked to do. */
export interface PipelineOptions {
  readonly profile: PipelineProfileName;
  /** Options of `poolscope run` given on the command line (or in --config): they win over the profile. */
  readonly overrides: RunRequest;
  /** Record call stacks (true), or not (false), whatever the profile says. Default: the profile's. */
  readonly callStacks?: boolean;
  /** Where run directories go (absolute). */
  readonly results: string;
  /** Continue the run in results/latest (or results/<overrides.runId>). */
  readonly resume: boolean;
  readonly formats?: readonly FigureFormat[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly faults: readonly InjectedFault[];
  readonly signal?: AbortSignal;
  readonly abandonSignal?: AbortSignal;
  /** Logical cores the profile is sized for. Default: this machine's. */
  readonly cores?: number;
  /** The clock the run id is taken from. Default: now. */
  readonly now?: () => Date;
}

/** What the pipeline reports while it works; the command renders it. */
export type PipelineEvent =
  | { readonly type: 'start'; readonly dir: string; readonly profile: PipelineProfileName; readonly cores: number; readonly resumed: boolean }
  | { readonly type: 'searching' }
  | { readonly type: 'runtimes'; readonly choice: RuntimeChoice }
  | { readonly type: 'note'; readonly text: string }
  | { readonly type: 'run'; readonly event: RunEvent }
  | { readonly type: 'measured'; readonly seconds: number; readonly summary: RunSummary };

/** What the pipeline did. */
export interface PipelineResult {
  readonly dir: string;
  readonly report: { readonly markdown: string; readonly html: string };
  readonly record: PipelineRecord;
}

/** Where run directories go unless --results says otherwise. */
export const defaultResults = (cwd: string): string => join(cwd, 'results');

/** The run directory to resume: results/<run-id> when given, else where results/latest points. */
function resumeDirectory(results: string, runId: string | undefined): string {
  const dir = runId !== undefined ? join(results, runId) : latestRun(results);
  if (dir === undefined || !existsSync(dir) || !statSync(dir).isDirectory())
    throw new PoolscopeError(ERROR_CODES.NOT_FOUND, m.nothingToResume(dir ?? join(results, 'latest')), { hint: m.nothingToResumeHint });
  return dir;
}

/** The runtimes of a new run: the ones named with --targets, else both Node targets and the CPython pair found. */
async function decideRuntimes(options: PipelineOptions, emit: (event: PipelineEvent) => void): Promise<RuntimeChoice> {
  const given = options.overrides.targets;
  if (given) return { targets: given, used: given.map((target) => ({ target, description: m.namedTarget, path: null })), skipped: [], pyenvShims: [], notes: [] };
  emit({ type: 'searching' });
  const found = await discoverPythons({ env: options.env, cwd: options.cwd });
  return chooseRuntimes(found, { version: process.versions.node, path: process.execPath });
}

/** Whether the run wrote any call-stack profile row (a header alone is none). */
async function profileRecorded(dir: string): Promise<boolean> {
  const file = runDirectory(dir).profile;
  if (!existsSync(file)) return false;
  let lines = 0;
  for await (const _row of readCsvRows(file)) if (++lines > 1) return true;
  return false;
}

/**
 * `poolscope pipeline`: measure (runMatrix), analyse, draw the figures and write the report, into
 * `results/<run-id>/`, pointing `results/latest` at it. The profile sizes the matrix for the machine;
 * options of `poolscope run` override it. Interpreters are found and chosen here (every one found
 * and not used is recorded with the reason in raw/pipeline.json, for the report).
 */
export async function runPipeline(options: PipelineOptions, emit: (event: PipelineEvent) => void, onStage?: RegenerateOptions['onStage']): Promise<PipelineResult> {
  const cores = options.cores ?? availableParallelism();
  const profile = pipelineProfile(options.profile, cores);
  const env = options.env as NodeJS.ProcessEnv;

  let dir: string;
  let record: PipelineRecord;
  let request: RunRequest;
  if (options.resume) {
    dir = resumeDirectory(options.results, options.overrides.runId);
    // A directory `poolscope run` wrote has no record: its plan says what to run, and nothing was chosen here.
    record = readPipelineRecord(dir) ?? {
      schema_version: 1,
      profile: options.profile,
      logical_cores: cores,
      call_stacks: { requested: false, recorded: false, reason: null },
      runtimes: { targets_given: true, used: [], skipped: [], notes: [] },
      durations_s: {},
    };
    request = options.overrides;
    emit({ type: 'start', dir, profile: record.profile, cores: record.logical_cores, resumed: true });
  } else {
    const runId = options.overrides.runId ?? freeRunId(options.results, pipelineRunId((options.now ?? (() => new Date()))(), profile.name));
    dir = join(options.results, runId);
    emit({ type: 'start', dir, profile: profile.name, cores, resumed: false });
    const choice = await decideRuntimes(options, emit);
    emit({ type: 'runtimes', choice });
    const callStacks = options.callStacks ?? profile.callStacks;
    const notes = [...choice.notes];
    if (options.overrides.targets) notes.unshift(m.targetsGiven);
    for (const text of notes) emit({ type: 'note', text });
    record = {
      schema_version: 1,
      profile: profile.name,
      logical_cores: cores,
      call_stacks: { requested: callStacks, recorded: false, reason: callStacks ? null : m.callStacksOff(profile.name) },
      runtimes: {
        targets_given: options.overrides.targets !== undefined,
        used: [...choice.used],
        skipped: [...choice.skipped],
        ...(choice.pyenvShims.length > 0 ? { pyenv_shims: [...choice.pyenvShims] } : {}),
        notes,
      },
      durations_s: {},
    };
    request = { ...profile.request, ...options.overrides, targets: choice.targets, runId };
    prepareRunDirectory(dir);
    writePipelineRecord(dir, record);
  }
  // Before measuring, so that `--resume` finds a run that was stopped.
  pointLatest(options.results, dir);

  // 1. Measure.
  const chosen = new Map(record.runtimes.used.flatMap((u) => (u.path !== null && u.target.startsWith('python') ? [[u.target, u.path] as const] : [])));
  const started = performance.now();
  const summary = await runMatrix({
    ...request,
    out: dir,
    resume: options.resume,
    env: options.env,
    registry: pipelineRegistry(chosen, { faults: options.faults, env }),
    ...(!options.resume && record.call_stacks.requested ? { profile: true } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.abandonSignal ? { abandonSignal: options.abandonSignal } : {}),
    onEvent: (event) => emit({ type: 'run', event }),
  }).catch((error: unknown) => {
    // Stopped (Ctrl-C): the pipeline, not `poolscope run`, is what continues it.
    if (isPoolscopeError(error) && error.code === ERROR_CODES.INTERRUPTED)
      throw new PoolscopeError(ERROR_CODES.INTERRUPTED, error.message, { hint: m.interruptedHint(options.results === defaultResults(options.cwd) ? '' : ` --results ${options.results}`), cause: error });
    throw error;
  });
  const measured = (performance.now() - started) / 1000;
  emit({ type: 'measured', seconds: measured, summary });
  const recorded = await profileRecorded(dir);
  record = {
    ...record,
    call_stacks: { ...record.call_stacks, recorded, reason: recorded ? null : record.call_stacks.reason },
    durations_s: { measure: (record.durations_s.measure ?? 0) + measured },
  };
  writePipelineRecord(dir, record);

  // 2-4. Analyse, draw, report.
  const durations: Partial<Record<'analyse' | 'figures' | 'report', number>> = {};
  const { files } = await regenerate(dir, {
    ...(options.formats ? { formats: options.formats } : {}),
    onStage: (event) => {
      if (event.done) durations[event.stage] = event.done.seconds;
      onStage?.(event);
    },
  });
  record = { ...record, durations_s: { ...record.durations_s, analyse: durations.analyse, figures: durations.figures, report: durations.report } };
  writePipelineRecord(dir, record);
  return { dir, report: files, record };
}

/** Creates the run directory's raw/ (or says at once that it cannot). */
function prepareRunDirectory(dir: string): void {
  const { raw, pipeline } = runDirectory(dir);
  try {
    mkdirSync(raw, { recursive: true });
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.OUTPUT, coreMessages.cannotWrite(raw, fsErrorReason(error)), { hint: coreMessages.cannotWriteHint, cause: error });
  }
  if (existsSync(pipeline)) throw new PoolscopeError(ERROR_CODES.USAGE, m.runExists(dir), { hint: m.runExistsHint });
}
