import { runDirectory, type RunDirectory } from '@poolscope/core';

/** The files a run writes, in the run directory's `raw/` (the layout is `@poolscope/core`'s `runDirectory`). */
export type RunPaths = Pick<RunDirectory, 'raw' | 'timings' | 'profile' | 'host' | 'plan'>;

/** The files of the run directory `out` that a run writes. */
export function runPaths(out: string): RunPaths {
  const { raw, timings, profile, host, plan } = runDirectory(out);
  return { raw, timings, profile, host, plan };
}
