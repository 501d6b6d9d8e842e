/**
 * The layout of a run directory (`results/<run id>/`): the one place that names its files. `raw/`
 * holds what was measured; the rest is derived from it, and `poolscope report DIR` rebuilds it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files of one run directory, as paths under it. */
export interface RunDirectory {
  /** What was measured: every other file here is derived from it. */
  readonly raw: string;
  /** One row per measured repetition (`timingSchema`). */
  readonly timings: string;
  /** One row per function per profiled cell (`profileSchema`), when the run profiled. */
  readonly profile: string;
  /** The machine and interpreters measured on (`hostInfoSchema`); merged machines add `host-NAME.json` beside it. */
  readonly host: string;
  /** What the run decided before measuring (the runner's plan), for `--resume`. */
  readonly plan: string;
  /** The pipeline's record: the profile, the runtimes used and skipped, how long each stage took. */
  readonly pipeline: string;
  /** The analysis: `summary.json`, `speedup.csv`, `fits.csv`. */
  readonly analysis: string;
  readonly summary: string;
  readonly speedup: string;
  readonly fits: string;
  /** Each figure as `.svg`, `.png` and its Vega-Lite spec `.vl.json`. */
  readonly figures: string;
  readonly reportMarkdown: string;
  readonly reportHtml: string;
}

/** The files an analysis writes into its directory (`DIR/analysis/` in a run directory). */
export function analysisFiles(analysisDir: string): Pick<RunDirectory, 'summary' | 'speedup' | 'fits'> {
  return { summary: join(analysisDir, 'summary.json'), speedup: join(analysisDir, 'speedup.csv'), fits: join(analysisDir, 'fits.csv') };
}

/** The name of the machine file, in `raw/` (and looked for beside any timings CSV). */
export const HOST_FILE = 'host.json';

/** The files of the run directory `dir`. */
export function runDirectory(dir: string): RunDirectory {
  const raw = join(dir, 'raw');
  const analysis = join(dir, 'analysis');
  return {
    raw,
    timings: join(raw, 'timings.csv'),
    profile: join(raw, 'profile.csv'),
    host: join(raw, HOST_FILE),
    plan: join(raw, 'plan.json'),
    pipeline: join(raw, 'pipeline.json'),
    analysis,
    ...analysisFiles(analysis),
    figures: join(dir, 'figures'),
    reportMarkdown: join(dir, 'report.md'),
    reportHtml: join(dir, 'report.html'),
  };
}

/** A timings CSV among merged shards' files in `raw/` (`timings.csv`, `shard-1-timings.csv`, ...). */
export const isTimingsFile = (name: string): boolean => name.endsWith('.csv') && name.includes('timings');

/**
 * The machine files of a run directory: `raw/host.json` first, then those of merged machines
 * (`raw/host-NAME.json`, any `raw/host*.json`) by name; none when there is no `raw/`.
 */
export function hostFiles(dir: string): string[] {
  const { raw } = runDirectory(dir);
  if (!existsSync(raw)) return [];
  return readdirSync(raw)
    .filter((f) => /^host.*\.json$/.test(f))
    .sort((a, b) => (a === HOST_FILE ? -1 : b === HOST_FILE ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((f) => join(raw, f));
}
