import { describe, expect, it } from 'vitest';
import { cellKey, curvesOfShard, plannedCells, rowKey, targetTypesOfShard } from '../../src/plan/cells.js';
import { matrixOf } from '../../src/plan/run-plan.js';
import type { RunPlan } from '../../src/plan/plan-file.js';

const matrix = matrixOf({ targets: ['node-pool', 'node-main'], taskTypes: ['cpu', 'io'], tasks: [10, 100, 1000], threads: [1, 2, 4] });
const plan = (shard: RunPlan['shard'], seed = 1): RunPlan => ({
  schema_version: 1,
  run_id: 'r',
  seed,
  timeout_s: 1,
  matrix,
  shard,
  task_work: { 'node-pool': { cpu: 7, io: 8 }, 'node-main': { cpu: 9, io: 8 } },
  order: 'cells',
  profile: null,
  created_at: '',
});

describe('cell and row keys', () => {
  it('identify a cell by target, task type, task work, task count and thread count', () => {
    const cell = { target: 'node-pool', task_type: 'cpu', task_work: 5, num_tasks: 10, num_threads: 2 } as const;
    expect(cellKey(cell)).toBe('node-pool|cpu|5|10|2');
    expect(rowKey({ ...cell, repeat: 3 })).toBe('node-pool|cpu|5|10|2|3');
  });
});

describe('shards of a matrix', () => {
  it('are disjoint, cover the matrix, and hold whole speedup curves', () => {
    const whole = plannedCells(plan(null), 'plan.json').map(cellKey).sort();
    expect(whole).toHaveLength(2 * 2 * 3 * 3);
    const parts = [1, 2, 3].map((index) => plannedCells(plan({ index, count: 3 }), 'plan.json').map(cellKey));
    expect(parts.flat().sort()).toEqual(whole);
    for (const part of parts) {
      expect(part.length).toBeGreaterThan(0);
      // Every cell's curve (target, type, task count) has all its thread counts in the same shard.
      const curves = new Set(part.map((k) => k.split('|').filter((_, i) => i !== 2 && i !== 4).join('|')));
      expect(part).toHaveLength(curves.size * 3);
    }
  });

  it('balance the number of tasks between shards', () => {
    const tasksOf = (index: number) => curvesOfShard(matrix, { index, count: 2 }).reduce((sum, [, , tasks]) => sum + tasks, 0);
    expect(tasksOf(1)).toBe(tasksOf(2));
  });

  it('calibrate only the targets and task types they measure', () => {
    const small = matrixOf({ targets: ['a', 'b'], taskTypes: ['cpu'], tasks: [10], threads: [1] });
    expect(targetTypesOfShard(small, { index: 1, count: 2 })).toHaveLength(1);
    expect(targetTypesOfShard(small, null)).toEqual([['a', 'cpu'], ['b', 'cpu']]);
  });
});

describe('plannedCells', () => {
  it('shuffles the order with the seed, reproducibly', () => {
    const order = plannedCells(plan(null, 5), 'plan.json').map(cellKey);
    expect(plannedCells(plan(null, 5), 'plan.json').map(cellKey)).toEqual(order);
    expect(plannedCells(plan(null, 6), 'plan.json').map(cellKey)).not.toEqual(order);
    // Not in matrix order: thread counts do not come in runs.
    expect(order).not.toEqual([...order].sort());
  });

  it('takes each cell task work from the plan, and refuses a plan that lacks one', () => {
    expect(plannedCells(plan(null), 'plan.json').find((c) => c.target === 'node-main' && c.task_type === 'cpu')?.task_work).toBe(9);
    const broken = { ...plan(null), task_work: { 'node-pool': { cpu: 7 } } };
    expect(() => plannedCells(broken, 'dir/plan.json')).toThrow('dir/plan.json: no task_work for target node-pool, task type io');
  });
});
