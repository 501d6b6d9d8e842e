import { ERROR_CODES, PoolscopeError, TASK_TYPES, type TaskType } from '@poolscope/core';
import { runnerMessages } from '../messages.js';
import type { CategoryRule } from '../profile/categories.js';
import type { PythonProfiler } from '../targets/target.js';
import type { RepetitionOrder } from './schedule.js';
import type { Shard } from './shard.js';

/** The work per task asked for, per task type: a target duration to calibrate to, or a fixed size. */
export type TaskSizeRequest = { readonly task_us: number } | { readonly task_work: number };

/**
 * What a run is asked to do, as given on the command line or in a config file. Every field is
 * optional: a missing one takes its default for a new run, and the planned value on `--resume`
 * (where a given value must agree with the plan).
 */
export interface RunRequest {
  /** Target names. Default `node-pool,node-main`. */
  readonly targets?: readonly string[];
  /** Default `cpu,io`. */
  readonly taskTypes?: readonly TaskType[];
  /** Task counts per cell. Default `100,1000,10000` (the RCA's). */
  readonly tasks?: readonly number[];
  /** Thread counts per cell. Default `1,2,4,8`. */
  readonly threads?: readonly number[];
  /** Measured repetitions per cell. Default 5. */
  readonly repeats?: number;
  /** Unrecorded repetitions before them. Default 1. */
  readonly warmup?: number;
  /** Target duration of one task on one thread, in microseconds, per type. Default cpu 200, io 1000. */
  readonly taskUs?: Partial<Record<TaskType, number>>;
  /** Fixed work per task, per type (loop iterations for cpu, microseconds for io); wins over taskUs. */
  readonly taskWork?: Partial<Record<TaskType, number>>;
  /** Seed of the shuffled cell order. Default 1. */
  readonly seed?: number;
  /** Longest one repetition may take, in seconds. Default 120. May change on resume. */
  readonly timeoutS?: number;
  /** Run only this part of the matrix. Default: from the environment (see `shardFromEnv`), else all. */
  readonly shard?: Shard;
  /** The run's id. Default: derived from the matrix, so the shards of one matrix agree. */
  readonly runId?: string;
  /** The order of the repetitions (see `REPETITION_ORDERS`). Default `rounds`. */
  readonly order?: RepetitionOrder;
  /** Run each cell once more under a profiler, after its repetitions, into `raw/profile.csv`. Default false. */
  readonly profile?: boolean;
  /** Python targets' profiler: the call-stack sampler or cProfile. Default `sampler`. Needs `profile`. */
  readonly profiler?: PythonProfiler;
  /** The samplers' interval, in microseconds. Default 1000 (the issue's 1 ms). Needs `profile`. */
  readonly profileIntervalUs?: number;
  /** Category rules tried before the default ones (see `CategoryRule`). Default none. Needs `profile`. */
  readonly categoryRules?: readonly CategoryRule[];
}

/** The defaults of a new run. */
export const RUN_DEFAULTS = {
  /** Both Node targets: the worker pool and the event loop. */
  targets: ['node-pool', 'node-main'],
  taskTypes: ['cpu', 'io'],
  /** The task counts of the RCA's experiments. */
  tasks: [100, 1000, 10000],
  threads: [1, 2, 4, 8],
  repeats: 5,
  warmup: 1,
  /**
   * 200 us of cpu work keeps the pool's per-task overhead small beside the task; 1 ms of io is
   * the resolution of Node's event-loop timers (see `ioTaskAsync`).
   */
  taskUs: { cpu: 200, io: 1000 },
  seed: 1,
  timeoutS: 120,
  /** See the runner's README, "Repetition order", for the measurements behind this choice. */
  order: 'rounds',
  profiler: 'sampler',
  /** 1 ms, as issue #4 asks of the Python sampler; V8's own default is 1 ms too. */
  profileIntervalUs: 1000,
} as const satisfies {
  targets: readonly string[];
  taskTypes: readonly TaskType[];
  tasks: readonly number[];
  threads: readonly number[];
  repeats: number;
  warmup: number;
  taskUs: Record<TaskType, number>;
  seed: number;
  timeoutS: number;
  order: RepetitionOrder;
  profiler: PythonProfiler;
  profileIntervalUs: number;
};

const usage = (message: string, hint?: string) => new PoolscopeError(ERROR_CODES.USAGE, message, hint ? { hint } : {});
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Items of a list given as `a,b,c` text or as a JSON array. */
function listItems(value: unknown, where: string, expected: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return value.split(',').map((s) => s.trim());
  if (typeof value === 'number') return [value];
  throw usage(runnerMessages.badOption(where, expected, shown(value)));
}

function asInteger(item: unknown, min: number): number | undefined {
  const n = typeof item === 'string' && /^\d+$/.test(item.trim()) ? Number(item) : item;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= min ? n : undefined;
}

/** A list of positive integers (`1,2,4` or `[1, 2, 4]`), sorted, without repeats. */
export function parsePositiveIntList(value: unknown, where: string): number[] {
  const expected = 'a list of positive integers';
  const items = listItems(value, where, expected);
  const numbers = items.map((item) => asInteger(item, 1));
  if (items.length === 0 || numbers.some((n) => n === undefined)) throw usage(runnerMessages.badOption(where, expected, shown(value)));
  return [...new Set(numbers as number[])].sort((a, b) => a - b);
}

/** A list of names (`node-pool,python3.13t`), in the order given, without repeats. */
export function parseNameList(value: unknown, where: string): string[] {
  const expected = 'a list of names';
  const items = listItems(value, where, expected);
  if (items.length === 0 || items.some((item) => typeof item !== 'string' || item === ''))
    throw usage(runnerMessages.badOption(where, expected, shown(value)));
  return [...new Set(items as string[])];
}

/** A list of task types, each `cpu` or `io`. */
export function parseTaskTypes(value: unknown, where: string): TaskType[] {
  const expected = `a list of task types (${TASK_TYPES.join(', ')})`;
  const items = listItems(value, where, expected);
  if (items.length === 0 || items.some((t) => !(TASK_TYPES as readonly unknown[]).includes(t)))
    throw usage(runnerMessages.badOption(where, expected, shown(value)));
  return TASK_TYPES.filter((t) => items.includes(t));
}

/** An integer of at least `min`, given as text or as a number. */
export function parseInteger(value: unknown, where: string, min: 0 | 1): number {
  const n = asInteger(value, min);
  if (n === undefined) throw usage(runnerMessages.badOption(where, min === 1 ? 'a positive integer' : 'a non-negative integer', shown(value)));
  return n;
}

/** One of `choices`, given as text. */
export function parseChoice<T extends string>(value: unknown, where: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value))
    throw usage(runnerMessages.badOption(where, `one of ${choices.join(', ')}`, shown(value)));
  return value as T;
}

/** true or false, as JSON gives them (a config file). */
export function parseBoolean(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') throw usage(runnerMessages.badOption(where, 'true or false', shown(value)));
  return value;
}

/** A seed: an integer in [0, 2^32). */
export function parseSeed(value: unknown, where: string): number {
  const n = asInteger(value, 0);
  if (n === undefined || n >= 2 ** 32) throw usage(runnerMessages.badOption(where, 'an integer from 0 to 4294967295', shown(value)));
  return n;
}

/** A positive, finite number of seconds. */
export function parseSeconds(value: unknown, where: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) throw usage(runnerMessages.badOption(where, 'a positive number of seconds', shown(value)));
  return n;
}

/**
 * Sizes per task type: one positive integer for every type (`200`), or per type (`cpu=200,io=1000`,
 * or `{"cpu": 200}` in a config file).
 */
export function parseTaskSizes(value: unknown, where: string): Partial<Record<TaskType, number>> {
  const expected = 'a positive integer, or per task type as cpu=N,io=N';
  const bad = () => usage(runnerMessages.badOption(where, expected, shown(value)));
  const single = asInteger(value, 1);
  if (single !== undefined) return Object.fromEntries(TASK_TYPES.map((t) => [t, single]));
  let pairs: [string, unknown][];
  if (typeof value === 'string') pairs = value.split(',').map((p) => p.split('=').map((s) => s.trim()) as [string, unknown]);
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) pairs = Object.entries(value);
  else throw bad();
  const sizes: Partial<Record<TaskType, number>> = {};
  for (const [type, size] of pairs) {
    const n = asInteger(size, 1);
    if (!(TASK_TYPES as readonly string[]).includes(type) || n === undefined || sizes[type as TaskType] !== undefined) throw bad();
    sizes[type as TaskType] = n;
  }
  if (Object.keys(sizes).length === 0) throw bad();
  return sizes;
}

/** A run id: letters, digits, `.`, `_` and `-`, as it goes into file names and CSV cells. */
export function parseRunId(value: unknown, where: string): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value))
    throw usage(runnerMessages.badOption(where, 'up to 64 letters, digits, dots, dashes or underscores', shown(value)));
  return value;
}

/** The task size of each task type: the fixed work if given, else the duration (given or default). */
export function resolveTaskSizes(types: readonly TaskType[], request: RunRequest): Record<string, TaskSizeRequest> {
  const sizes: Record<string, TaskSizeRequest> = {};
  for (const type of types) {
    const work = request.taskWork?.[type];
    sizes[type] = work !== undefined ? { task_work: work } : { task_us: request.taskUs?.[type] ?? RUN_DEFAULTS.taskUs[type] };
  }
  return sizes;
}
