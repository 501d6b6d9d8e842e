import { describe, expect, it } from 'vitest';
import { runnerMessages } from '../../src/messages.js';
import { assignShards, parseShard, shardFromEnv } from '../../src/plan/shard.js';

describe('parseShard', () => {
  it('reads I/N with 1 <= I <= N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it('refuses anything else, naming the option', () => {
    for (const bad of ['4/3', '0/3', '3', '1/0', 'a/b', '-1/3']) expect(() => parseShard(bad)).toThrow(runnerMessages.badShard('--shard', bad));
  });
});

describe('shardFromEnv', () => {
  it('finds nothing in a plain environment', () => {
    expect(shardFromEnv({ PATH: '/bin' })).toBeUndefined();
  });

  it('reads POOLSCOPE_SHARD first', () => {
    expect(shardFromEnv({ POOLSCOPE_SHARD: '2/5', SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '3' })).toEqual({ index: 2, count: 5, source: 'POOLSCOPE_SHARD' });
  });

  it('maps Slurm array tasks to shards whatever the first index and step', () => {
    const slurm = (id: number, min: number, count: number, step = 1) =>
      shardFromEnv({ SLURM_ARRAY_TASK_ID: String(id), SLURM_ARRAY_TASK_MIN: String(min), SLURM_ARRAY_TASK_COUNT: String(count), SLURM_ARRAY_TASK_STEP: String(step) });
    expect(slurm(0, 0, 3)).toEqual({ index: 1, count: 3, source: 'SLURM_ARRAY_TASK_ID' });
    expect(slurm(3, 1, 3)).toMatchObject({ index: 3, count: 3 });
    expect(slurm(14, 10, 3, 2)).toMatchObject({ index: 3, count: 3 });
    expect(() => slurm(13, 10, 3, 2)).toThrow(runnerMessages.slurmIrregular(13, 10, 2, 3));
    expect(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: '2' })).toThrow(runnerMessages.shardCountMissing('SLURM_ARRAY_TASK_ID', 'SLURM_ARRAY_TASK_COUNT'));
  });

  it('reads a Kubernetes indexed Job (0-based) with the count set by the manifest', () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: '0', POOLSCOPE_SHARD_COUNT: '4' })).toEqual({ index: 1, count: 4, source: 'JOB_COMPLETION_INDEX' });
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1' })).toThrow(runnerMessages.shardCountMissing('JOB_COMPLETION_INDEX', 'POOLSCOPE_SHARD_COUNT'));
    expect(() => shardFromEnv({ JOB_COMPLETION_INDEX: '4', POOLSCOPE_SHARD_COUNT: '4' })).toThrow(/JOB_COMPLETION_INDEX must be I\/N/);
  });

  it('reads CI parallelism: GitLab (1-based), CircleCI and Buildkite (0-based)', () => {
    expect(shardFromEnv({ CI_NODE_INDEX: '2', CI_NODE_TOTAL: '3' })).toEqual({ index: 2, count: 3, source: 'CI_NODE_INDEX' });
    expect(shardFromEnv({ CIRCLE_NODE_INDEX: '2', CIRCLE_NODE_TOTAL: '3' })).toEqual({ index: 3, count: 3, source: 'CIRCLE_NODE_INDEX' });
    expect(shardFromEnv({ BUILDKITE_PARALLEL_JOB: '0', BUILDKITE_PARALLEL_JOB_COUNT: '2' })).toEqual({ index: 1, count: 2, source: 'BUILDKITE_PARALLEL_JOB' });
  });

  it('refuses a variable that is not a number', () => {
    expect(() => shardFromEnv({ CI_NODE_INDEX: 'x', CI_NODE_TOTAL: '3' })).toThrow(runnerMessages.badShardVariable('CI_NODE_INDEX', 'x'));
  });
});

describe('assignShards', () => {
  const units = [
    { key: 'a', cost: 10 },
    { key: 'b', cost: 10 },
    { key: 'c', cost: 1 },
    { key: 'd', cost: 5 },
    { key: 'e', cost: 5 },
  ];

  it('puts every unit in exactly one shard and balances the cost', () => {
    const assigned = assignShards(units, 2);
    expect([...assigned.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    const loads = [0, 0];
    for (const u of units) loads[assigned.get(u.key)! - 1]! += u.cost;
    // Greedy longest-first: a,d,c | b,e -> 16 | 15.
    expect(loads.sort()).toEqual([15, 16]);
  });

  it('does not depend on the order the units come in', () => {
    expect(assignShards([...units].reverse(), 3)).toEqual(assignShards(units, 3));
  });
});
