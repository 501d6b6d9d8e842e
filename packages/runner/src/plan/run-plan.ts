import { createHash } from 'node:crypto';
import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { categoryRuleSchema } from '../profile/categories.js';
import { canonical } from './canonical.js';
import { RUN_DEFAULTS, RUN_OPTIONS, resolveTaskSizes, runOptionName, type RunRequest } from './options.js';
import type { RepetitionOrder } from './schedule.js';
import type { ProfileSettings, RunMatrix, RunPlan } from './plan-file.js';
import type { Shard } from './shard.js';

/**
 * A run id derived from the matrix alone (not the seed, the shard or the machine), so the shards
 * of one matrix, started on different machines, agree on it without talking to each other.
 */
export function deriveRunId(matrix: RunMatrix): string {
  const key = canonical({ ...matrix, targets: [...matrix.targets].sort() });
  return `run-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

/** The matrix a request asks for, with defaults for what it leaves out. */
export function matrixOf(request: RunRequest): RunMatrix {
  const task_types = [...(request.taskTypes ?? RUN_DEFAULTS.taskTypes)];
  return {
    targets: [...(request.targets ?? RUN_DEFAULTS.targets)],
    task_types,
    tasks: [...(request.tasks ?? RUN_DEFAULTS.tasks)],
    threads: [...(request.threads ?? RUN_DEFAULTS.threads)],
    repeats: request.repeats ?? RUN_DEFAULTS.repeats,
    warmup: request.warmup ?? RUN_DEFAULTS.warmup,
    task_size: resolveTaskSizes(task_types, request),
  };
}

/** The options that apply only with `profile`. */
const PROFILE_OPTIONS = RUN_OPTIONS.filter((o) => o.needsProfile);

/**
 * The profile settings a new run's request asks for: null without `profile`. A profile option
 * given without `profile` is refused (E_USAGE), naming it.
 */
export function profileSettingsOf(request: RunRequest): ProfileSettings | null {
  if (!request.profile) {
    const stray = PROFILE_OPTIONS.find((o) => request[o.key] !== undefined);
    if (stray) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.profileOptionAlone(runOptionName(stray)), { hint: runnerMessages.profileOptionAloneHint });
    return null;
  }
  return {
    profiler: request.profiler ?? RUN_DEFAULTS.profiler,
    interval_us: request.profileIntervalUs ?? RUN_DEFAULTS.profileIntervalUs,
    categories: (request.categoryRules ?? []).map((rule) => categoryRuleSchema.parse(rule)),
  };
}

/** The order a new run's request asks for. */
export function orderOf(request: RunRequest): RepetitionOrder {
  return request.order ?? RUN_DEFAULTS.order;
}

/**
 * What in `request` disagrees with the plan of the run being resumed, as `[option, given, planned]`
 * triples, checked as each option of `RUN_OPTIONS` says (`fixedByPlan`); options the request leaves
 * out never disagree. `shard` is the shard this invocation runs (from `--shard` or the environment).
 */
export function planConflicts(plan: RunPlan, request: RunRequest, shard: Shard | undefined): [string, string, string][] {
  const given: RunRequest = { ...request, shard };
  const out: [string, string, string][] = [];
  for (const option of RUN_OPTIONS) {
    const value: unknown = given[option.key];
    if (value === undefined || !option.fixedByPlan) continue;
    if (option.needsProfile && plan.profile === null) {
      // It would turn profiling on: a conflict of --profile, named once, and checked above when given.
      if (given.profile === undefined && !out.some(([name]) => name === '--profile')) out.push(['--profile', 'on', 'off']);
      continue;
    }
    const conflict = option.fixedByPlan(value, plan, given);
    if (conflict) out.push([runOptionName(option), ...conflict]);
  }
  return out;
}
