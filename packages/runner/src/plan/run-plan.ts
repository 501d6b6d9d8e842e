import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ERROR_CODES, PoolscopeError, TASK_TYPES, writeFileAtomic } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { categoryRuleSchema } from '../profile/categories.js';
import { PYTHON_PROFILERS } from '../targets/target.js';
import { canonical } from './canonical.js';
import { RUN_DEFAULTS, RUN_OPTIONS, resolveTaskSizes, runOptionName, type RunRequest } from './options.js';
import { REPETITION_ORDERS, type RepetitionOrder } from './schedule.js';
import type { Shard } from './shard.js';

const positive = z.number().int().positive();
const taskSizeSchema = z.union([z.object({ task_us: positive }).strict(), z.object({ task_work: positive }).strict()]);
const shardSchema = z.object({ index: positive, count: positive }).refine((s) => s.index <= s.count, 'index must not exceed count');

/** The matrix of a run: every cell is one target x task type x task count x thread count. */
const matrixSchema = z.object({
  targets: z.array(z.string().min(1)).min(1),
  task_types: z.array(z.enum(TASK_TYPES)).min(1),
  tasks: z.array(positive).min(1),
  threads: z.array(positive).min(1),
  repeats: positive,
  warmup: z.number().int().nonnegative(),
  /** How the size of each task type was asked for. */
  task_size: z.partialRecord(z.enum(TASK_TYPES), taskSizeSchema),
});
export type RunMatrix = z.infer<typeof matrixSchema>;

/** How the cells of a run are profiled (`--profile`). */
const profileSettingsSchema = z.object({
  profiler: z.enum(PYTHON_PROFILERS),
  interval_us: positive,
  /** The user's category rules, tried before the defaults; kept so a resumed run categorises alike. */
  categories: z.array(categoryRuleSchema),
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

/**
 * Everything a run decided before measuring, written to `raw/plan.json` before the first row, so
 * that `--resume` carries on with exactly the same cells, order and task sizes.
 */
export const runPlanSchema = z.object({
  schema_version: z.literal(1),
  run_id: z.string().min(1),
  /** Seed of the shuffled cell order. */
  seed: z.number().int().nonnegative(),
  /** Longest one repetition may take; the only setting `--resume` may change. */
  timeout_s: z.number().positive(),
  matrix: matrixSchema,
  /** The part of the matrix this directory holds; null for all of it. */
  shard: shardSchema.nullable(),
  /** Work per task for each target and task type, calibrated once (or fixed) and reused on resume. */
  task_work: z.record(z.string(), z.partialRecord(z.enum(TASK_TYPES), positive)),
  /** The order of the repetitions; plans written before it existed ran `cells`. */
  order: z.enum(REPETITION_ORDERS).default('cells'),
  /** Profiling of each cell after its repetitions; null (or absent, in older plans): none. */
  profile: profileSettingsSchema.nullable().default(null),
  created_at: z.string(),
});
export type RunPlan = z.infer<typeof runPlanSchema>;

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

/** Reads and validates `raw/plan.json`; undefined when there is none. */
export function readPlan(file: string): RunPlan | undefined {
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.planInvalid(file, (error as Error).message), { hint: runnerMessages.planHint });
  }
  const parsed = runPlanSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `'${i.path.join('.')}' ${i.message}`).join('; ');
    throw new PoolscopeError(ERROR_CODES.BAD_DATA, runnerMessages.planInvalid(file, problems), { hint: runnerMessages.planHint });
  }
  return parsed.data;
}

/** Writes `raw/plan.json` atomically. */
export function writePlan(file: string, plan: RunPlan): void {
  writeFileAtomic(file, `${JSON.stringify(runPlanSchema.parse(plan), null, 2)}\n`);
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
