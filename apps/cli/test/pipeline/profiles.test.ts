import { describe, expect, it } from 'vitest';
import { DEFAULT_TASK_US, RCA_TASK_US, pipelineProfile, powersOfTwoUpTo, rcaThreads } from '../../src/pipeline/profiles.js';

describe('pipeline profiles', () => {
  it('counts threads in powers of two up to a limit', () => {
    expect(powersOfTwoUpTo(1)).toEqual([1]);
    expect(powersOfTwoUpTo(4)).toEqual([1, 2, 4]);
    expect(powersOfTwoUpTo(6)).toEqual([1, 2, 4]);
    expect(powersOfTwoUpTo(32)).toEqual([1, 2, 4, 8, 16, 32]);
  });

  it('sizes the default profile for the machine: threads up to twice the cores', () => {
    const two = pipelineProfile('default', 2);
    expect(two.request).toEqual({ taskTypes: ['cpu', 'io'], tasks: [100, 1000, 10000], threads: [1, 2, 4], repeats: 3, warmup: 0, taskUs: DEFAULT_TASK_US });
    expect(two.callStacks).toBe(false);
    expect(pipelineProfile('default', 8).request.threads).toEqual([1, 2, 4, 8, 16]);
    expect(pipelineProfile('default', 3).request.threads).toEqual([1, 2, 4]);
  });

  it("runs the RCA's matrix with --profile rca: up to 100,000 tasks, 12 threads or the cores, 5 repeats, call stacks", () => {
    const rca = pipelineProfile('rca', 2);
    expect(rca.request).toEqual({ taskTypes: ['cpu', 'io'], tasks: [100, 1000, 10000, 100000], threads: [1, 2, 4, 8, 12], repeats: 5, warmup: 1, taskUs: RCA_TASK_US });
    expect(rca.callStacks).toBe(true);
    expect(rcaThreads(12)).toEqual([1, 2, 4, 8, 12]);
    expect(rcaThreads(16)).toEqual([1, 2, 4, 8, 16]);
    expect(rcaThreads(24)).toEqual([1, 2, 4, 8, 16, 24]);
  });
});
