import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categorize } from '../../src/profile/categories.js';
import { IDLE_WAIT_NAMES, nameIdleTime } from '../../src/profile/idle-time.js';
import { cellProfileRecords } from '../../src/profile/records.js';
import { parseCpuProfile, reduceCpuProfile } from '../../src/profile/v8-cpuprofile.js';
import { v8ProfileOutcome } from '../../src/targets/node/_piscina.js';

// tiny.cpuprofile: 600 µs sampled, of which (idle) 100 µs, cpuTask 400 µs, (garbage collector) 100 µs.
const profile = parseCpuProfile(readFileSync(new URL('../fixtures/tiny.cpuprofile', import.meta.url), 'utf8'), 'tiny.cpuprofile');
const window = { startUs: 1000, endUs: 1610 };
const cell = { target: 'node-pool', task_type: 'cpu', num_tasks: 4, num_threads: 1 } as const;
const byCategory = (threads: Parameters<typeof cellProfileRecords>[0]) => {
  const sums: Record<string, number> = {};
  for (const r of cellProfileRecords(threads, 'run-x', cell)) sums[r.category] = (sums[r.category] ?? 0) + r.self_ns;
  return sums;
};

describe('nameIdleTime', () => {
  it('renames only V8’s (idle), keeping its times', () => {
    const thread = reduceCpuProfile(profile, { thread: 'main', role: 'main' });
    const named = nameIdleTime(thread, 'results');
    expect(named.functions.map((f) => f.name).sort()).toEqual(['(garbage collector)', IDLE_WAIT_NAMES.results, 'cpuTask', 'main']);
    expect(named.functions.find((f) => f.name === IDLE_WAIT_NAMES.results)).toMatchObject({ function: IDLE_WAIT_NAMES.results, self_ns: 100_000 });
    expect(named.sampled_ns).toBe(thread.sampled_ns);
    expect(thread.functions.some((f) => f.name === '(idle)')).toBe(true);
  });

  it('leaves a function called (idle) in a file alone', () => {
    const thread = { thread: 't', role: 'worker' as const, samples: 1, sampled_ns: 1, functions: [{ function: '(idle) (a.js:1)', name: '(idle)', file: 'a.js', line: 1, self_ns: 1, total_ns: 1, calls: null }] };
    expect(nameIdleTime(thread, 'timers')).toBe(thread);
  });

  it('makes the categories count the wait for results as result, the wait for timers as task', () => {
    expect(categorize({ name: IDLE_WAIT_NAMES.results, file: '' })).toBe('result');
    expect(categorize({ name: IDLE_WAIT_NAMES.timers, file: '' })).toBe('task');
    expect(categorize({ name: '(idle)', file: '' })).toBe('idle');
  });
});

describe('v8ProfileOutcome', () => {
  it('counts the coordinating thread’s idle loop as result time, a worker’s as idle', () => {
    const outcome = v8ProfileOutcome(window, [
      { thread: 'main', role: 'main', profile, idle: 'results' },
      { thread: 'worker-1', role: 'worker', profile },
    ]);
    expect(byCategory(outcome)).toEqual({ task: 800_000, result: 100_000, idle: 100_000, other: 200_000 });
  });

  it('counts an io cell’s event loop idling on its timers as task time', () => {
    const outcome = v8ProfileOutcome(window, [{ thread: 'event-loop', role: 'worker', profile, idle: 'timers' }]);
    expect(byCategory(outcome)).toEqual({ task: 500_000, other: 100_000 });
  });
});
