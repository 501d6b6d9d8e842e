import { join } from 'node:path';

/** Where a run directory keeps its files. */
export interface RunPaths {
  readonly raw: string;
  /** One row per measured repetition (core timing schema). */
  readonly timings: string;
  /** One row per function per profiled cell (core profile schema), with `--profile`. */
  readonly profile: string;
  /** The machine and interpreters measured on. */
  readonly host: string;
  /** What the run decided before measuring, for --resume. */
  readonly plan: string;
}

/** The files of the run directory `out`. */
export function runPaths(out: string): RunPaths {
  const raw = join(out, 'raw');
  return { raw, timings: join(raw, 'timings.csv'), profile: join(raw, 'profile.csv'), host: join(raw, 'host.json'), plan: join(raw, 'plan.json') };
}
