import { describe, expect, it } from 'vitest';
import { MIN_PROFILE_COVERAGE, MIN_PROFILE_SAMPLES, thinProfileThreads } from '../../src/profile/coverage.js';
import type { ThreadProfile } from '../../src/profile/function-time.js';

const thread = (name: string, samples: number | null, sampled_ns: number | null): ThreadProfile => ({ thread: name, role: 'worker', samples, sampled_ns, functions: [] });

describe('thinProfileThreads', () => {
  it('finds threads covered for less than 0.8 of the wall time or in fewer than 50 samples, least covered first', () => {
    expect([MIN_PROFILE_COVERAGE, MIN_PROFILE_SAMPLES]).toEqual([0.8, 50]);
    const wall_ns = 100e6;
    const threads = [thread('main', 100, 99e6), thread('few', 40, 95e6), thread('short', 500, 10e6), thread('edge', 50, 80e6)];
    expect(thinProfileThreads({ wall_ns, threads })).toEqual([
      { thread: 'short', coverage: 0.1, samples: 500 },
      { thread: 'few', coverage: 0.95, samples: 40 },
    ]);
  });

  it('never calls a deterministic profile thin, nor a profile of no time', () => {
    expect(thinProfileThreads({ wall_ns: 1e6, threads: [thread('all', null, null)] })).toEqual([]);
    expect(thinProfileThreads({ wall_ns: 0, threads: [thread('main', 0, 0)] })).toEqual([]);
  });
});
