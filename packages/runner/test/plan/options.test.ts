import { describe, expect, it } from 'vitest';
import { RUN_DEFAULTS, RUN_OPTIONS, resolveTaskSizes, runOptionName, withRunOption } from '../../src/plan/options.js';

describe('the run options', () => {
  it('name each option once, by a long flag', () => {
    const names = RUN_OPTIONS.map(runOptionName);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^--[a-z][a-z-]*$/);
    expect(new Set(RUN_OPTIONS.map((o) => o.key)).size).toBe(RUN_OPTIONS.length);
  });

  it('give the defaults of a new run, for the options that have one (matrixOf shows the matrix ones)', () => {
    expect(Object.keys(RUN_DEFAULTS)).toEqual(['targets', 'taskTypes', 'tasks', 'threads', 'repeats', 'warmup', 'taskUs', 'seed', 'timeoutS', 'order', 'profiler', 'profileIntervalUs']);
    expect(RUN_DEFAULTS).toMatchObject({ seed: 1, timeoutS: 120, order: 'rounds', profiler: 'sampler', profileIntervalUs: 1000 });
  });

  it('may all change on resume but the time limit', () => {
    expect(RUN_OPTIONS.filter((o) => !o.fixedByPlan).map(runOptionName)).toEqual(['--timeout-s']);
  });

  it('read a value into a request as the option reads it', () => {
    const threads = RUN_OPTIONS.find((o) => o.key === 'threads')!;
    expect(withRunOption({ repeats: 2 }, threads, '4,1', '--threads', '.')).toEqual({ repeats: 2, threads: [1, 4] });
  });
});

describe('resolveTaskSizes', () => {
  it('resolves each type to fixed work if given, else a duration (given or the default)', () => {
    expect(resolveTaskSizes(['cpu', 'io'], {})).toEqual({ cpu: { task_us: 200 }, io: { task_us: 1000 } });
    expect(resolveTaskSizes(['cpu', 'io'], { taskUs: { cpu: 50 }, taskWork: { io: 300 } })).toEqual({ cpu: { task_us: 50 }, io: { task_work: 300 } });
  });
});
