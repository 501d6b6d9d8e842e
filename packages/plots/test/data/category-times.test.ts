import { describe, expect, test } from 'vitest';
import { categoryTimes, type ProfileSample } from '../../src/index.js';
import { CategoryTimeAccumulator } from '../../src/data/category-times.js';

const row = (over: Partial<ProfileSample>): ProfileSample => ({
  run_id: 'r1',
  target: 'python3.13t',
  task_type: 'cpu',
  num_tasks: 100,
  num_threads: 2,
  repeat: 0,
  category: 'task',
  self_ns: 1_000_000_000,
  ...over,
});

describe('categoryTimes', () => {
  test('sums self time per category and averages over repeats (hand-computed)', () => {
    const times = categoryTimes([
      row({ repeat: 0, category: 'task', self_ns: 2e9 }),
      row({ repeat: 0, category: 'task', self_ns: 1e9 }), // a second function of the same category
      row({ repeat: 1, category: 'task', self_ns: 1e9 }),
      row({ repeat: 0, category: 'lock', self_ns: 0.5e9 }),
      // lock absent in repeat 1: counts as 0 there
    ]);
    expect(times).toEqual([
      { target: 'python3.13t', task_type: 'cpu', num_tasks: 100, num_threads: 2, category: 'task', seconds: 2 }, // (3 + 1) / 2
      { target: 'python3.13t', task_type: 'cpu', num_tasks: 100, num_threads: 2, category: 'lock', seconds: 0.25 }, // 0.5 / 2
    ]);
  });

  test('counts the same repeat number of two runs (merged CSVs) as two repeats', () => {
    const [time] = categoryTimes([row({ run_id: 'a', self_ns: 1e9 }), row({ run_id: 'b', self_ns: 3e9 })]);
    expect(time?.seconds).toBe(2);
  });

  test('orders cells by target name, task type, task count, threads, then category order', () => {
    const times = categoryTimes([
      row({ target: 'b', task_type: 'io', category: 'idle' }),
      row({ target: 'b', task_type: 'cpu', num_threads: 4 }),
      row({ target: 'b', task_type: 'cpu', num_threads: 1, category: 'other' }),
      row({ target: 'b', task_type: 'cpu', num_threads: 1, category: 'result' }),
      row({ target: 'a', num_tasks: 1000 }),
      row({ target: 'a', num_tasks: 10 }),
    ]);
    expect(times.map((t) => `${t.target} ${t.task_type} ${t.num_tasks} ${t.num_threads} ${t.category}`)).toEqual([
      'a cpu 10 2 task',
      'a cpu 1000 2 task',
      'b cpu 100 1 result',
      'b cpu 100 1 other',
      'b cpu 100 4 task',
      'b io 100 2 idle',
    ]);
  });

  test('the accumulator streams rows one at a time to the same result', () => {
    const rows = [row({ category: 'task' }), row({ category: 'dispatch', self_ns: 7 })];
    const accumulator = new CategoryTimeAccumulator();
    for (const r of rows) accumulator.add(r);
    expect(accumulator.times()).toEqual(categoryTimes(rows));
  });
});
