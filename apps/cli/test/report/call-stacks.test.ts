import { describe, expect, it } from 'vitest';
import type { CategoryTime } from '@poolscope/plots';
import { CATEGORY_LABELS } from '@poolscope/plots';
import { callStackObservations, categoryShares } from '../../src/report/call-stacks.js';
import { reportMessages as m } from '../../src/report/messages.js';

const cell = (num_threads: number, seconds: Partial<Record<CategoryTime['category'], number>>, num_tasks = 1000): CategoryTime[] =>
  Object.entries(seconds).map(([category, s]) => ({ target: 'python3.13t', task_type: 'cpu', num_tasks, num_threads, category: category as CategoryTime['category'], seconds: s }));

describe('Experiment 3 observations from the call-stack profile', () => {
  // 1 thread: 0.8 s of task body of 1.0 s; 4 threads: 0.9 of 2.0 s, lock waits from 0.05 to 0.8 s.
  const categories = [...cell(1, { task: 0.8, lock: 0.05, result: 0.15 }), ...cell(4, { task: 0.9, lock: 0.8, result: 0.3 }), ...cell(2, { task: 1 }, 100)];

  it('turns thread time per category into shares per thread count', () => {
    const shares = categoryShares(categories).get('python3.13t\u0000cpu\u00001000')!;
    expect(shares.map((s) => s.threads)).toEqual([1, 4]);
    expect(shares[0]!.total).toBeCloseTo(1.0, 12);
    expect(shares[1]!.share.get('lock')).toBeCloseTo(0.4, 12); // 0.8 of 2.0 s
  });

  it('says, at the largest task count, how the task share and the fastest-growing category change', () => {
    expect(callStackObservations(categories)).toEqual([
      m.shares('python3.13t', 1000, 'cpu', 1, 0.8, 4, 0.45) + m.grows(CATEGORY_LABELS.lock, 0.05, 0.4) + m.threadTime(2, 1),
    ]);
  });

  it('names the largest other category when none grows by 5 points, and says nothing of a single thread count', () => {
    const flat = [...cell(1, { task: 0.8, result: 0.2 }), ...cell(2, { task: 0.8, result: 0.2 })];
    expect(callStackObservations(flat)).toEqual([m.shares('python3.13t', 1000, 'cpu', 1, 0.8, 2, 0.8) + m.largest(CATEGORY_LABELS.result, 0.2) + m.threadTime(1, 1)]);
    expect(callStackObservations(cell(2, { task: 1 }))).toEqual([]);
  });
});
