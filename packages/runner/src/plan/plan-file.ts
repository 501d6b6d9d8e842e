/**
 * The plan of a run as `raw/plan.json` holds it: its schema, types and file. Apart from the run's
 * options (./options.ts), which check given values against a plan, so that neither imports the other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ERROR_CODES, PoolscopeError, TASK_TYPES, writeFileAtomic } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import { categoryRuleSchema } from '../profile/categories.js';
import { PYTHON_PROFILERS } from '../targets/target.js';
import { REPETITION_ORDERS } from './schedule.js';

const positive = z.number().int().positive();
const taskSizeSchema = z.union([z.object({ task_us: positive }).strict(), z.object({ task_work: positive }).strict()]);

/** The work per task asked for, per task type: a target duration to calibrate to, or a fixed size. */
export type TaskSizeRequest = { readonly task_us: number } | { readonly task_work: number };
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
