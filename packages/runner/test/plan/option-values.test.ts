import { describe, expect, it } from 'vitest';
import { coreMessages } from '@poolscope/core';
import { runnerMessages } from '../../src/messages.js';
import { parseRunId, parseTaskSizes, parseTaskTypes } from '../../src/plan/option-values.js';

describe('run option parsers', () => {
  it('read task types in their own order', () => {
    expect(parseTaskTypes('io,cpu', '--task-types')).toEqual(['cpu', 'io']);
    expect(() => parseTaskTypes('cpu,disk', '--task-types')).toThrow(coreMessages.badOption('--task-types', 'a list of task types (cpu, io)', 'cpu,disk'));
  });

  it('read run ids', () => {
    expect(parseRunId('exp-1.a_b', '--run-id')).toBe('exp-1.a_b');
    expect(() => parseRunId('a/b', '--run-id')).toThrow(coreMessages.badOption('--run-id', runnerMessages.expectedValue.runId, 'a/b'));
  });

  it('read task sizes for every type or per type', () => {
    expect(parseTaskSizes('300', '--task-us')).toEqual({ cpu: 300, io: 300 });
    expect(parseTaskSizes('cpu=5000', '--task-work')).toEqual({ cpu: 5000 });
    expect(parseTaskSizes('cpu=5, io=7', '--task-work')).toEqual({ cpu: 5, io: 7 });
    expect(parseTaskSizes({ io: 2000 }, 'k')).toEqual({ io: 2000 });
    for (const bad of ['cpu=0', 'gpu=5', 'cpu=1,cpu=2', 'cpu', '']) expect(() => parseTaskSizes(bad, '--task-us')).toThrow(/--task-us must be a positive integer, or per task type as cpu=N,io=N/);
  });
});
