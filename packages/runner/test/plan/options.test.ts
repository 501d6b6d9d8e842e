import { describe, expect, it } from 'vitest';
import { runnerMessages } from '../../src/messages.js';
import {
  parseInteger,
  parseNameList,
  parsePositiveIntList,
  parseRunId,
  parseSeconds,
  parseSeed,
  parseTaskSizes,
  parseTaskTypes,
  resolveTaskSizes,
} from '../../src/plan/options.js';

describe('option parsers', () => {
  it('read lists from text or JSON, sorted and without repeats', () => {
    expect(parsePositiveIntList('8, 2,4,2', '--threads')).toEqual([2, 4, 8]);
    expect(parsePositiveIntList([1, '3'], 'k')).toEqual([1, 3]);
    expect(parsePositiveIntList(5, 'k')).toEqual([5]);
    expect(parseNameList('node-pool,node-main,node-pool', '--targets')).toEqual(['node-pool', 'node-main']);
    expect(parseTaskTypes('io,cpu', '--task-types')).toEqual(['cpu', 'io']);
  });

  it('name the option and the allowed values when a value is wrong', () => {
    expect(() => parsePositiveIntList('0,2', '--threads')).toThrow(runnerMessages.badOption('--threads', 'a list of positive integers', '0,2'));
    expect(() => parsePositiveIntList('', '--tasks')).toThrow(/--tasks must be a list of positive integers/);
    expect(() => parsePositiveIntList('1.5', '--tasks')).toThrow(/got '1.5'/);
    expect(() => parsePositiveIntList([1, -2], 'c.json: key \'threads\'')).toThrow("c.json: key 'threads' must be a list of positive integers, got '[1,-2]'");
    expect(() => parseTaskTypes('cpu,disk', '--task-types')).toThrow(runnerMessages.badOption('--task-types', 'a list of task types (cpu, io)', 'cpu,disk'));
    expect(() => parseNameList(',', '--targets')).toThrow(/--targets must be a list of names/);
  });

  it('read counts, seeds, seconds and run ids', () => {
    expect(parseInteger('0', '--warmup', 0)).toBe(0);
    expect(() => parseInteger('0', '--repeats', 1)).toThrow(runnerMessages.badOption('--repeats', 'a positive integer', '0'));
    expect(parseSeed('4294967295', '--seed')).toBe(4294967295);
    expect(() => parseSeed('4294967296', '--seed')).toThrow(/--seed must be an integer from 0 to 4294967295/);
    expect(parseSeconds('2.5', '--timeout-s')).toBe(2.5);
    for (const bad of ['0', '-1', 'NaN', 'Infinity', '']) expect(() => parseSeconds(bad, '--timeout-s')).toThrow(/--timeout-s must be a positive number of seconds/);
    expect(parseRunId('exp-1.a_b', '--run-id')).toBe('exp-1.a_b');
    expect(() => parseRunId('a/b', '--run-id')).toThrow(/--run-id must be/);
  });

  it('read task sizes for every type or per type', () => {
    expect(parseTaskSizes('300', '--task-us')).toEqual({ cpu: 300, io: 300 });
    expect(parseTaskSizes('cpu=5000', '--task-work')).toEqual({ cpu: 5000 });
    expect(parseTaskSizes('cpu=5, io=7', '--task-work')).toEqual({ cpu: 5, io: 7 });
    expect(parseTaskSizes({ io: 2000 }, 'k')).toEqual({ io: 2000 });
    for (const bad of ['cpu=0', 'gpu=5', 'cpu=1,cpu=2', 'cpu', '']) expect(() => parseTaskSizes(bad, '--task-us')).toThrow(/--task-us must be a positive integer, or per task type as cpu=N,io=N/);
  });

  it('resolve each type to fixed work if given, else a duration (given or the default)', () => {
    expect(resolveTaskSizes(['cpu', 'io'], {})).toEqual({ cpu: { task_us: 200 }, io: { task_us: 1000 } });
    expect(resolveTaskSizes(['cpu', 'io'], { taskUs: { cpu: 50 }, taskWork: { io: 300 } })).toEqual({ cpu: { task_us: 50 }, io: { task_work: 300 } });
  });
});
