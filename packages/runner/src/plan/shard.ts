import { ERROR_CODES, PoolscopeError } from '@poolscope/core';
import { runnerMessages } from '../messages.js';

/** The `index`-th (1-based) of `count` disjoint parts of a matrix. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** A shard and where it came from: `--shard`, or the environment variable that gave it. */
export interface ShardChoice extends Shard {
  readonly source: string;
}

const SHARD = /^\s*(\d+)\s*\/\s*(\d+)\s*$/;

function checked(index: number, count: number, where: string, got: string): Shard {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badShard(where, got), { hint: runnerMessages.shardHint });
  return { index, count };
}

/** Parses `I/N` (1 <= I <= N), as `--shard` takes it; `where` names the option in errors. */
export function parseShard(text: string, where = '--shard'): Shard {
  const match = SHARD.exec(text);
  if (!match) throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badShard(where, text), { hint: runnerMessages.shardHint });
  return checked(Number(match[1]), Number(match[2]), where, text);
}

type Env = Readonly<Record<string, string | undefined>>;

function integerVar(env: Env, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text.trim() === '') return undefined;
  if (!/^\s*\d+\s*$/.test(text))
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.badShardVariable(name, text), { hint: runnerMessages.shardHint });
  return Number(text);
}

/** A 0-based index variable and the variable holding the count, as several engines set them. */
function zeroBased(env: Env, indexVar: string, countVar: string): ShardChoice | undefined {
  const index = integerVar(env, indexVar);
  if (index === undefined) return undefined;
  const count = integerVar(env, countVar);
  if (count === undefined)
    throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.shardCountMissing(indexVar, countVar), { hint: runnerMessages.shardHint });
  return { ...checked(index + 1, count, indexVar, `${index} of ${count}`), source: indexVar };
}

/**
 * The shard the environment assigns to this process, if any, so one command line serves a whole
 * fleet. Checked in this order:
 * - `POOLSCOPE_SHARD=I/N`, set by hand (for example from a GitHub Actions matrix);
 * - Slurm job arrays: `SLURM_ARRAY_TASK_ID` within `SLURM_ARRAY_TASK_MIN`, `..._STEP` and
 *   `..._COUNT` (so `--array=0-2` and `--array=1-3` both give shards 1/3 to 3/3);
 * - Kubernetes indexed Jobs: `JOB_COMPLETION_INDEX` (0-based); the Job's `completions` is not
 *   visible inside the pod, so the manifest must also set `POOLSCOPE_SHARD_COUNT`;
 * - CI parallelism: GitLab `CI_NODE_INDEX`/`CI_NODE_TOTAL` (1-based), CircleCI
 *   `CIRCLE_NODE_INDEX`/`CIRCLE_NODE_TOTAL` and Buildkite
 *   `BUILDKITE_PARALLEL_JOB`/`BUILDKITE_PARALLEL_JOB_COUNT` (0-based).
 */
export function shardFromEnv(env: Env): ShardChoice | undefined {
  const own = env.POOLSCOPE_SHARD;
  if (own !== undefined && own.trim() !== '') return { ...parseShard(own, 'POOLSCOPE_SHARD'), source: 'POOLSCOPE_SHARD' };

  const slurmId = integerVar(env, 'SLURM_ARRAY_TASK_ID');
  if (slurmId !== undefined) {
    const min = integerVar(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = integerVar(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
    const count = integerVar(env, 'SLURM_ARRAY_TASK_COUNT');
    if (count === undefined)
      throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.shardCountMissing('SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT'), {
        hint: runnerMessages.shardHint,
      });
    const offset = (slurmId - min) / Math.max(step, 1);
    if (!Number.isInteger(offset) || offset < 0 || offset >= count)
      throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.slurmIrregular(slurmId, min, step, count), { hint: runnerMessages.shardHint });
    return { index: offset + 1, count, source: 'SLURM_ARRAY_TASK_ID' };
  }

  const k8s = zeroBased(env, 'JOB_COMPLETION_INDEX', 'POOLSCOPE_SHARD_COUNT');
  if (k8s) return k8s;

  const gitlab = integerVar(env, 'CI_NODE_INDEX');
  if (gitlab !== undefined) {
    const total = integerVar(env, 'CI_NODE_TOTAL');
    if (total === undefined)
      throw new PoolscopeError(ERROR_CODES.USAGE, runnerMessages.shardCountMissing('CI_NODE_INDEX', 'CI_NODE_TOTAL'), { hint: runnerMessages.shardHint });
    return { ...checked(gitlab, total, 'CI_NODE_INDEX', `${gitlab} of ${total}`), source: 'CI_NODE_INDEX' };
  }
  return zeroBased(env, 'CIRCLE_NODE_INDEX', 'CIRCLE_NODE_TOTAL') ?? zeroBased(env, 'BUILDKITE_PARALLEL_JOB', 'BUILDKITE_PARALLEL_JOB_COUNT');
}

/** A unit of work that goes to one shard whole, with a rough cost used to balance shards. */
export interface ShardUnit {
  readonly key: string;
  readonly cost: number;
}

/**
 * Assigns units to `count` shards, balancing their summed cost: the costliest unit first, each to
 * the least loaded shard (longest-processing-time-first; Graham, 1969, within 4/3 of the best).
 * Ties break on the key and the lowest shard, so every machine computes the same assignment from
 * the same matrix without talking to the others. Returns the 1-based shard of each key.
 */
export function assignShards(units: readonly ShardUnit[], count: number): Map<string, number> {
  const loads = new Array<number>(count).fill(0);
  const order = [...units].sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const assigned = new Map<string, number>();
  for (const unit of order) {
    let best = 0;
    for (let s = 1; s < count; s++) if (loads[s]! < loads[best]!) best = s;
    loads[best]! += unit.cost;
    assigned.set(unit.key, best + 1);
  }
  return assigned;
}
