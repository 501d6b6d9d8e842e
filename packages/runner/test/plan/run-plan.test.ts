import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runnerMessages } from '../../src/messages.js';
import { deriveRunId, matrixOf, planConflicts, profileSettingsOf } from '../../src/plan/run-plan.js';
import { readPlan, writePlan, type RunPlan } from '../../src/plan/plan-file.js';

const matrix = matrixOf({ targets: ['node-pool', 'node-main'], tasks: [10], threads: [1, 2] });
const plan: RunPlan = {
  schema_version: 1,
  run_id: deriveRunId(matrix),
  seed: 3,
  timeout_s: 10,
  matrix,
  shard: { index: 1, count: 2 },
  task_work: { 'node-pool': { cpu: 100, io: 1000 } },
  order: 'rounds',
  profile: null,
  created_at: '2026-01-01T00:00:00.000Z',
};

describe('deriveRunId', () => {
  it('depends on the matrix only, not on the order targets were listed in', () => {
    expect(deriveRunId(matrix)).toMatch(/^run-[0-9a-f]{10}$/);
    expect(deriveRunId({ ...matrix, targets: ['node-main', 'node-pool'] })).toBe(deriveRunId(matrix));
    expect(deriveRunId({ ...matrix, threads: [1, 2, 4] })).not.toBe(deriveRunId(matrix));
  });
});

describe('matrixOf', () => {
  it('fills in the defaults', () => {
    expect(matrixOf({})).toEqual({
      targets: ['node-pool', 'node-main'],
      task_types: ['cpu', 'io'],
      tasks: [100, 1000, 10000],
      threads: [1, 2, 4, 8],
      repeats: 5,
      warmup: 1,
      task_size: { cpu: { task_us: 200 }, io: { task_us: 1000 } },
    });
  });
});

describe('planConflicts', () => {
  it('finds nothing when the request leaves everything out or agrees', () => {
    expect(planConflicts(plan, {}, undefined)).toEqual([]);
    expect(planConflicts(plan, { threads: [1, 2], seed: 3, targets: ['node-main', 'node-pool'], timeoutS: 99, shard: { index: 1, count: 2 } }, { index: 1, count: 2 })).toEqual([]);
  });

  it('names each option that disagrees, with both values', () => {
    expect(planConflicts(plan, { threads: [1, 4], repeats: 2 }, undefined)).toEqual([
      ['--threads', '1,4', '1,2'],
      ['--repeats', '2', '5'],
    ]);
    expect(planConflicts(plan, { taskUs: { cpu: 300 } }, undefined)).toEqual([['--task-us', 'cpu: 300 us, io: 1000 us', 'cpu: 200 us, io: 1000 us']]);
    expect(planConflicts(plan, {}, { index: 2, count: 2 })).toEqual([['--shard', '2/2', '1/2']]);
    expect(planConflicts({ ...plan, shard: null }, {}, { index: 1, count: 1 })).toEqual([]);
  });
});

describe('profile settings', () => {
  it('are null without --profile, and defaulted with it', () => {
    expect(profileSettingsOf({})).toBeNull();
    expect(profileSettingsOf({ profile: true })).toEqual({ profiler: 'sampler', interval_us: 1000, categories: [] });
    const rules = [{ category: 'task', names: ['crunch'] }] as const;
    expect(profileSettingsOf({ profile: true, profiler: 'cprofile', profileIntervalUs: 250, categoryRules: rules })).toEqual({ profiler: 'cprofile', interval_us: 250, categories: rules });
  });

  it('refuse a profile option without --profile, naming it', () => {
    expect(() => profileSettingsOf({ profileIntervalUs: 100 })).toThrow(expect.objectContaining({ code: 'E_USAGE', message: runnerMessages.profileOptionAlone('--profile-interval-us') }));
    expect(() => profileSettingsOf({ profile: false, categoryRules: [] })).toThrow(runnerMessages.profileOptionAlone('--categories'));
  });

  it('conflict on resume when they disagree with the plan', () => {
    const profiled: RunPlan = { ...plan, profile: { profiler: 'sampler', interval_us: 1000, categories: [] } };
    expect(planConflicts(profiled, { profile: true, profiler: 'sampler' }, undefined)).toEqual([]);
    expect(planConflicts(profiled, { profile: false, profileIntervalUs: 500, categoryRules: [{ category: 'task', names: ['x'] }] }, undefined)).toEqual([
      ['--profile', 'off', 'on'],
      ['--profile-interval-us', '500', '1000'],
      ['--categories', '1 rule', '0 rules'],
    ]);
    expect(planConflicts(plan, { profile: true }, undefined)).toEqual([['--profile', 'on', 'off']]);
    expect(planConflicts(plan, { profiler: 'cprofile' }, undefined)).toEqual([['--profile', 'on', 'off']]);
    expect(planConflicts(plan, { order: 'cells' }, undefined)).toEqual([['--order', 'cells', 'rounds']]);
  });
});

describe('readPlan / writePlan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'poolscope-plan-'));

  it('round-trips a plan, and finds none where there is none', () => {
    const file = join(dir, 'raw', 'plan.json');
    expect(readPlan(file)).toBeUndefined();
    writePlan(file, plan);
    expect(readPlan(file)).toEqual(plan);
  });

  it('reads a plan written before the order and profile settings existed as cells order, no profile', () => {
    const file = join(dir, 'old.json');
    const { order: _order, profile: _profile, ...old } = plan;
    writeFileSync(file, JSON.stringify(old));
    expect(readPlan(file)).toEqual({ ...plan, order: 'cells', profile: null });
  });

  it('refuses a damaged plan, saying where', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...plan, matrix: { ...matrix, threads: [0] } }));
    expect(() => readPlan(file)).toThrow(`${file}: not a valid run plan: 'matrix.threads.0'`);
    writeFileSync(file, '{');
    expect(() => readPlan(file)).toThrow(`${file}: not a valid run plan:`);
  });
});
