import type { ThreadProfile } from './function-time.js';

/**
 * The least share of the profiled wall time a thread's samples should cover. A sampler charges each
 * thread the time between its samples, so a thread sampled for less than this (a short cell, a
 * thread that started late or that the sampler rarely reached) says little about where the cell's
 * time went: we saw python3.13t workers sampled for 0.10 of a 100-task cell, all of it `dispatch`.
 */
export const MIN_PROFILE_COVERAGE = 0.8;

/**
 * The fewest samples of a thread for its shares to mean much: with n samples a share is known to
 * about ±1/√n (binomial), so 50 samples give about ±14% of a category's share, and fewer give less.
 */
export const MIN_PROFILE_SAMPLES = 50;

/** A thread whose samples cover its profiled run too thinly (see `thinProfileThreads`). */
export interface ThinThread {
  readonly thread: string;
  /** Its sampled time over the profiled run's wall time. */
  readonly coverage: number;
  readonly samples: number;
}

/**
 * The threads of a sampled profile whose samples cover less than `MIN_PROFILE_COVERAGE` of the
 * profiled wall time or number fewer than `MIN_PROFILE_SAMPLES`, least covered first. Threads of a
 * deterministic profiler (no samples) are never thin.
 */
export function thinProfileThreads(profile: { readonly wall_ns: number; readonly threads: readonly ThreadProfile[] }): ThinThread[] {
  if (profile.wall_ns <= 0) return [];
  const thin: ThinThread[] = [];
  for (const t of profile.threads) {
    if (t.samples === null || t.sampled_ns === null) continue;
    const coverage = t.sampled_ns / profile.wall_ns;
    if (coverage < MIN_PROFILE_COVERAGE || t.samples < MIN_PROFILE_SAMPLES) thin.push({ thread: t.thread, coverage, samples: t.samples });
  }
  return thin.sort((a, b) => a.coverage - b.coverage || a.samples - b.samples);
}
