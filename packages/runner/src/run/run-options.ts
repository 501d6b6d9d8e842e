import type { RunRequest } from '../plan/options.js';
import type { TargetRegistry } from '../targets/target.js';
import type { RunEvent } from './events.js';

/** Options of `runMatrix`: the request, where to write, and how to report and stop. */
export interface RunOptions extends RunRequest {
  /** The run directory: rows go to `OUT/raw/timings.csv`, beside `host.json` and `plan.json`. */
  readonly out: string;
  /**
   * Continue the run in `out`: cells and repetitions that have a row are not run again. Starts
   * a new run when `out` holds none, so a job that is requeued can always pass it. Default false.
   */
  readonly resume?: boolean;
  /** Where shard variables are read from (see `shardFromEnv`). Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Turns target names into targets. Default: every target poolscope knows (`targetRegistry()`). */
  readonly registry?: TargetRegistry;
  /** Stop after the repetition in hand (its row is written); the run throws E_INTERRUPTED. */
  readonly signal?: AbortSignal;
  /** Stop now, abandoning the repetition in hand (no row is written for it); throws E_INTERRUPTED. */
  readonly abandonSignal?: AbortSignal;
  /** Receives progress, warnings and results as they happen. */
  readonly onEvent?: (event: RunEvent) => void;
}
