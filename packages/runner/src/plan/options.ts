import { resolve } from 'node:path';
import {
  choiceParser,
  parseBoolean,
  parseNameList,
  parseNonNegativeInt,
  parsePositiveInt,
  parsePositiveIntList,
  parseSeconds,
  parseSeed,
  type TaskType,
} from '@poolscope/core';
import { parseCategoryRules, readCategoryRules } from '../profile/categories.js';
import { PYTHON_PROFILERS } from '../targets/target.js';
import { parseRunId, parseTaskSizes, parseTaskTypes } from './option-values.js';
import { canonical } from './canonical.js';
import { onOff, rulesText, sameJson, sameSet, sameValue, taskSizesText, type PlanCheck, type PlanRequest } from './plan-checks.js';
import type { RunPlan, TaskSizeRequest } from './plan-file.js';
import { REPETITION_ORDERS } from './schedule.js';
import { parseShard } from './shard.js';

/** A size per task type, as `--task-us` and `--task-work` take them. */
type TaskSizes = Partial<Record<TaskType, number>>;

export type { TaskSizeRequest } from './plan-file.js';

/**
 * One option of a run. `poolscope run` and `poolscope pipeline` take it on the command line as
 * `flag`; a config file takes it under the flag's long name (`threads`); a new run without it
 * takes `default`; `--resume` refuses a value that disagrees with the plan (`fixedByPlan`).
 */
export interface RunOption<K extends string = string, T = unknown> {
  /** The field of `RunRequest` it sets. */
  readonly key: K;
  /** The command-line flag and the name of its value (`--threads <list>`); a bare flag is a boolean. */
  readonly flag: string;
  /** What it does, for `--help` (which adds the default). */
  readonly help: string;
  /**
   * Reads a value given on the command line (text) or in a config file (JSON), refusing a bad
   * one (E_USAGE) naming `where`; relative paths resolve against `dir`.
   */
  parse(value: unknown, where: string, dir: string): T;
  /** What a new run takes when it is not given. */
  readonly default?: T;
  /** What a new run does when it is not given, said in words where that is no one value. */
  readonly defaultHelp?: string;
  /**
   * How `--resume` checks a given value against the run's plan: the given and the planned value
   * as the user would write them when they disagree, else undefined (`request` is the whole
   * request, for options checked together). Options without it may change on resume.
   */
  fixedByPlan?(given: T, plan: RunPlan, request: PlanRequest): readonly [given: string, planned: string] | undefined;
  /** Applies only with `profile`: refused without it. */
  readonly needsProfile?: boolean;
  /** Not a config file's key: one config file serves every shard of a matrix. */
  readonly commandLineOnly?: boolean;
}

/** Infers an entry's value type from its parser, and keeps the type of its default. */
function option<const K extends string, T, const D extends T | undefined = undefined>(
  entry: Omit<RunOption<K, T>, 'default'> & { readonly default?: D },
): RunOption<K, T> & { readonly default: D } {
  return entry as RunOption<K, T> & { readonly default: D };
}

/** Task sizes as the run resolves them (fixed work, else durations), against the plan's. */
const sameTaskSizes: PlanCheck<TaskSizes> = (_given, plan, request) => {
  const given = resolveTaskSizes(plan.matrix.task_types, request);
  return canonical(given) === canonical(plan.matrix.task_size) ? undefined : [taskSizesText(given), taskSizesText(plan.matrix.task_size)];
};

/** The durations, checked as task sizes unless `--task-work` is given too: that one names the conflict. */
const sameDurations: PlanCheck<TaskSizes> = (given, plan, request) => (request.taskWork === undefined ? sameTaskSizes(given, plan, request) : undefined);

const shardText = (shard: { index: number; count: number }) => `${shard.index}/${shard.count}`;

const OPTIONS = [
  option({
    key: 'targets',
    flag: '--targets <list>',
    help: 'targets to measure: node-pool, node-main, python3.13, python3.13t, python:PATH',
    parse: parseNameList,
    /** Both Node targets: the worker pool and the event loop. */
    default: ['node-pool', 'node-main'],
    fixedByPlan: sameSet((plan) => plan.matrix.targets),
  }),
  option({
    key: 'taskTypes',
    flag: '--task-types <list>',
    help: 'task types: cpu, io',
    parse: parseTaskTypes,
    default: ['cpu', 'io'],
    fixedByPlan: sameSet((plan) => plan.matrix.task_types),
  }),
  option({
    key: 'tasks',
    flag: '--tasks <list>',
    help: 'task counts per cell',
    parse: parsePositiveIntList,
    /** The task counts of the RCA's experiments. */
    default: [100, 1000, 10000],
    fixedByPlan: sameSet((plan) => plan.matrix.tasks),
  }),
  option({
    key: 'threads',
    flag: '--threads <list>',
    help: 'thread counts per cell',
    parse: parsePositiveIntList,
    default: [1, 2, 4, 8],
    fixedByPlan: sameSet((plan) => plan.matrix.threads),
  }),
  option({
    key: 'repeats',
    flag: '--repeats <n>',
    help: 'measured repetitions per cell',
    parse: parsePositiveInt,
    default: 5,
    fixedByPlan: sameValue((plan) => plan.matrix.repeats),
  }),
  option({
    key: 'warmup',
    flag: '--warmup <n>',
    help: 'unrecorded repetitions before them',
    parse: parseNonNegativeInt,
    default: 1,
    fixedByPlan: sameValue((plan) => plan.matrix.warmup),
  }),
  option({
    key: 'taskUs',
    flag: '--task-us <us>',
    help: 'calibrate each task to last this long on one thread: N, or cpu=N,io=N',
    parse: parseTaskSizes,
    /**
     * 200 us of cpu work keeps the pool's per-task overhead small beside the task; 1 ms of io is
     * the resolution of Node's event-loop timers (see `ioTaskAsync`).
     */
    default: { cpu: 200, io: 1000 },
    fixedByPlan: sameDurations,
  }),
  option({
    key: 'taskWork',
    flag: '--task-work <n>',
    help: 'fixed work per task instead: loop iterations (cpu) or microseconds (io): N, or cpu=N,io=N',
    parse: parseTaskSizes,
    fixedByPlan: sameTaskSizes,
  }),
  option({
    key: 'seed',
    flag: '--seed <n>',
    help: 'seed of the shuffled order of cells (or of each round)',
    parse: parseSeed,
    default: 1,
    fixedByPlan: sameValue((plan) => plan.seed),
  }),
  option({
    key: 'timeoutS',
    flag: '--timeout-s <s>',
    help: 'longest one repetition may take; may change on --resume',
    parse: parseSeconds,
    default: 120,
  }),
  option({
    key: 'shard',
    flag: '--shard <I/N>',
    help: 'run only the I-th of N parts of the matrix',
    parse: (value, where) => parseShard(String(value), where),
    defaultHelp: 'from the environment',
    fixedByPlan: (given, plan) => {
      const planned = plan.shard ?? { index: 1, count: 1 };
      return given.index === planned.index && given.count === planned.count ? undefined : [shardText(given), shardText(planned)];
    },
    commandLineOnly: true,
  }),
  option({
    key: 'runId',
    flag: '--run-id <id>',
    help: 'the run id rows carry',
    parse: parseRunId,
    defaultHelp: 'derived from the matrix, the same on every shard',
    fixedByPlan: sameValue((plan) => plan.run_id),
  }),
  option({
    key: 'order',
    flag: '--order <order>',
    help: "rounds: every cell's repetition 0, then every repetition 1, ... each round shuffled; cells: cell after cell",
    parse: choiceParser(REPETITION_ORDERS),
    /** See the runner's README, "Repetition order", for the measurements behind this choice. */
    default: 'rounds',
    fixedByPlan: sameValue((plan) => plan.order),
  }),
  option({
    key: 'profile',
    flag: '--profile',
    help: 'run each cell once more under a profiler, after its repetitions, into DIR/raw/profile.csv',
    parse: parseBoolean,
    fixedByPlan: (given, plan) => (given === (plan.profile !== null) ? undefined : [onOff(given), onOff(plan.profile !== null)]),
  }),
  option({
    key: 'profiler',
    flag: '--profiler <name>',
    help: "Python targets' profiler: sampler (call stacks, every thread) or cprofile (not on free-threaded builds)",
    parse: choiceParser(PYTHON_PROFILERS),
    default: 'sampler',
    fixedByPlan: sameValue((plan) => plan.profile?.profiler),
    needsProfile: true,
  }),
  option({
    key: 'profileIntervalUs',
    flag: '--profile-interval-us <us>',
    help: "sampling interval of the profilers, Python's and V8's",
    parse: parsePositiveInt,
    /** 1 ms, as issue #4 asks of the Python sampler; V8's own default is 1 ms too. */
    default: 1000,
    fixedByPlan: sameValue((plan) => plan.profile?.interval_us),
    needsProfile: true,
  }),
  option({
    key: 'categoryRules',
    flag: '--categories <file>',
    help: 'a JSON array of category rules tried before the built-in ones',
    // A file of rules (see `CategoryRule`), or in a config file the rules themselves.
    parse: (value, where, dir) => (typeof value === 'string' ? readCategoryRules(resolve(dir, value)) : parseCategoryRules(value, where)),
    fixedByPlan: sameJson((plan) => plan.profile?.categories ?? [], rulesText),
    needsProfile: true,
  }),
] as const;

type Entry = (typeof OPTIONS)[number];
/** A list as a request holds it: read-only. */
type Held<T> = T extends readonly (infer U)[] ? readonly U[] : T;

/**
 * What a run is asked to do, as given on the command line or in a config file: one optional
 * field per run option (see `RUN_OPTIONS`). A missing one takes its default for a new run, and
 * the planned value on `--resume` (where a given value must agree with the plan).
 */
export type RunRequest = { readonly [E in Entry as E['key']]?: Held<ReturnType<E['parse']>> };

/** The options of a run, in the order `poolscope run --help` lists them. */
export const RUN_OPTIONS: readonly RunOption<keyof RunRequest>[] = OPTIONS;

/** The defaults of a new run, from `RUN_OPTIONS`. */
export const RUN_DEFAULTS = Object.fromEntries(OPTIONS.flatMap((o) => (o.default === undefined ? [] : [[o.key, o.default]]))) as {
  readonly [E in Entry as E['default'] extends undefined ? never : E['key']]: E['default'];
};

/** The long option of `option`, `--threads`; without its dashes, the config file's key. */
export function runOptionName(option: RunOption): string {
  return option.flag.split(' ')[0]!;
}

/** `request` with `option` set to `value`, read as the option reads it (see `RunOption.parse`). */
export function withRunOption(request: RunRequest, option: RunOption<keyof RunRequest>, value: unknown, where: string, dir: string): RunRequest {
  return { ...request, [option.key]: option.parse(value, where, dir) };
}

/** The task size of each task type: the fixed work if given, else the duration (given or default). */
export function resolveTaskSizes(types: readonly TaskType[], request: PlanRequest): Record<string, TaskSizeRequest> {
  const sizes: Record<string, TaskSizeRequest> = {};
  for (const type of types) {
    const work = request.taskWork?.[type];
    sizes[type] = work !== undefined ? { task_work: work } : { task_us: request.taskUs?.[type] ?? RUN_DEFAULTS.taskUs[type] };
  }
  return sizes;
}
