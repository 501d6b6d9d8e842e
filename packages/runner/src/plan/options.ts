import { TASK_TYPES, choiceListParser, readInteger, valueParser, type TaskType } from '@poolscope/core';
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

const expected = runnerMessages.expectedValue;

/** A list of task types, each `cpu` or `io`, in that order. */
export const parseTaskTypes = choiceListParser(TASK_TYPES, expected.taskTypes(TASK_TYPES));

/**
 * Sizes per task type: one positive integer for every type (`200`), or per type (`cpu=200,io=1000`,
 * or `{"cpu": 200}` in a config file).
 */
export const parseTaskSizes = valueParser(expected.taskSizes, (value): Partial<Record<TaskType, number>> | undefined => {
  const single = readInteger(value, 1);
  if (single !== undefined) return Object.fromEntries(TASK_TYPES.map((t) => [t, single]));
  let pairs: [string, unknown][];
  if (typeof value === 'string') pairs = value.split(',').map((p) => p.split('=').map((s) => s.trim()) as [string, unknown]);
  else if (value !== null && typeof value === 'object' && !Array.isArray(value)) pairs = Object.entries(value);
  else return undefined;
  const sizes: Partial<Record<TaskType, number>> = {};
  for (const [type, size] of pairs) {
    const n = readInteger(size, 1);
    if (!(TASK_TYPES as readonly string[]).includes(type) || n === undefined || sizes[type as TaskType] !== undefined) return undefined;
    sizes[type as TaskType] = n;
  }
  return Object.keys(sizes).length === 0 ? undefined : sizes;
});

/** A run id: letters, digits, `.`, `_` and `-`, as it goes into file names and CSV cells. */
export const parseRunId = valueParser(expected.runId, (value) =>
  typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(value) ? value : undefined,
);

/** The task size of each task type: the fixed work if given, else the duration (given or default). */
export function resolveTaskSizes(types: readonly TaskType[], request: RunRequest): Record<string, TaskSizeRequest> {
  const sizes: Record<string, TaskSizeRequest> = {};
  for (const type of types) {
    const work = request.taskWork?.[type];
    sizes[type] = work !== undefined ? { task_work: work } : { task_us: request.taskUs?.[type] ?? RUN_DEFAULTS.taskUs[type] };
  }
  return sizes;
}
